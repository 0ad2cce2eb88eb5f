package zhifa.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.record.RecordVocabulary;

/** The record's words for regions, 执法主体 and 执法领域; 执法领域 codes are shown by their names. */
@Component
class OrganizationRecordVocabulary implements RecordVocabulary {

	private final NamedParameterJdbcTemplate jdbc;

	OrganizationRecordVocabulary(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Map<String, String> actions() {
		return Map.of("body.created", "新增执法主体", "body.updated", "修改执法主体", "body.activated", "启用执法主体",
				"body.deactivated", "停用执法主体", "region.created", "新增行政区划", "domain.added", "新增执法领域",
				"domain.activated", "启用执法领域", "domain.deactivated", "停用执法领域");
	}

	@Override
	public Map<String, String> fields() {
		return Map.ofEntries(Map.entry("name", "名称"), Map.entry("uscc", "统一社会信用代码"), Map.entry("kind", "类别"),
				Map.entry("region", "所属区划"), Map.entry("regionId", "所属区划"), Map.entry("active", "启用"),
				Map.entry("qualificationNotice", "资格公告文号"), Map.entry("supervisory", "执法监督职责"), Map.entry("vertical", "垂直管理"),
				Map.entry("superiorBody", "上级主管机关"), Map.entry("domains", "执法领域"), Map.entry("entrustment", "委托书"),
				Map.entry("level", "层级"), Map.entry("parentId", "上级区划"), Map.entry("code", "代码"),
				Map.entry("entrustingBodyId", "委托机关"), Map.entry("scope", "委托事项"), Map.entry("authority", "委托权限"),
				Map.entry("reviewOrgan", "行政复议机关"), Map.entry("court", "人民法院"), Map.entry("account", "缴款账户"), Map.entry("payment", "缴款方式"),
				Map.entry("contact", "联系人、电话和地址"));
	}

	/** Body kinds, region levels, and every 执法领域 code by its name (a code written before a rename keeps today's name). */
	@Override
	public Map<String, String> values() {
		Map<String, String> values = new HashMap<>(RecordVocabulary.labelsOf(BodyKind.class, RegionLevel.class));
		jdbc.query("select code, name from org_domain", rs -> {
			values.put(rs.getString("code"), rs.getString("name"));
		});
		return values;
	}

	@Override
	public Map<String, String> subjectTypes() {
		return Map.of("body", "执法主体", "region", "行政区划", "domain", "执法领域");
	}

	@Override
	public Map<String, String> subjectNames(String subjectType, Collection<String> ids) {
		Map<String, String> names = new HashMap<>();
		switch (subjectType) {
			case "body", "org_body" -> query("select id::text as k, name from org_body where id in (:ids)", numeric(ids), names);
			case "region" -> query("select id::text as k, name from org_region where id in (:ids)", numeric(ids), names);
			case "domain" -> query("select code as k, name from org_domain where code in (:ids)", List.copyOf(ids), names);
			default -> {
			}
		}
		return names;
	}

	private void query(String sql, List<?> ids, Map<String, String> into) {
		if (!ids.isEmpty()) {
			jdbc.query(sql, Map.of("ids", ids), rs -> {
				into.put(rs.getString("k"), rs.getString("name"));
			});
		}
	}

	private static List<Long> numeric(Collection<String> ids) {
		return ids.stream().filter(i -> i.matches("\\d{1,18}")).map(Long::valueOf).toList();
	}
}
