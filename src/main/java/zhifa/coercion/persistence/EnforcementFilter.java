package zhifa.coercion.persistence;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.casework.WorkbenchFilter;

/** 强制执行中: cases whose 行政强制执行 has started and has no result yet (index {@code coercion_enforcement_open}). */
@Component
public class EnforcementFilter implements WorkbenchFilter {

	@Override
	public String code() {
		return "ENFORCEMENT";
	}

	@Override
	public String label() {
		return "强制执行中";
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public String condition(Map<String, Object> params, LocalDate today, Long userId) {
		return "c.id = any(array(select e.case_id from coercion_enforcement e where e.stage <> 'DONE'))";
	}
}
