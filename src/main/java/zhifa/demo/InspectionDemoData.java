package zhifa.demo;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.inspection.objects.InspectionObjects;
import zhifa.shared.Operator;

/** 检查对象名录库 of the demo: three thousand generated objects across 芒市's townships (演示数据). */
@Component
class InspectionDemoData {

	static final int OBJECTS = 3_000;

	private final InspectionObjects objects;
	private final JdbcTemplate jdbc;

	InspectionDemoData(InspectionObjects objects, JdbcTemplate jdbc) {
		this.objects = objects;
		this.jdbc = jdbc;
	}

	void loadIfEmpty() {
		if (objects.countsByRisk().values().stream().mapToLong(Long::longValue).sum() == 0) {
			load();
		}
	}

	void load() {
		List<Long> townships = jdbc.queryForList("select id from region_view where level = 'TOWNSHIP' and parent_id = (select id from region_view where code = '533103') order by id", Long.class);
		objects.generateDemo(Operator.current(), townships, OBJECTS, 533103);
	}
}
