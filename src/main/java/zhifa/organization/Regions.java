package zhifa.organization;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;

/** The region tree: read by everybody, extended by the platform administrator. */
@Service
public class Regions {

	static final RowMapper<Region> ROW = (rs, i) -> new Region(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
			RegionLevel.valueOf(rs.getString("level")), (Long) rs.getObject("parent_id"), rs.getString("path"));

	private final NamedParameterJdbcTemplate jdbc;
	private final FullProcessRecord record;

	Regions(NamedParameterJdbcTemplate jdbc, FullProcessRecord record) {
		this.jdbc = jdbc;
		this.record = record;
	}

	/** All regions in tree order (each parent before its children). */
	public List<Region> tree() {
		return jdbc.query("select * from org_region order by path", ROW).stream()
			.sorted(java.util.Comparator.comparing(r -> pathKey(r.path())))
			.toList();
	}

	private static String pathKey(String path) {
		StringBuilder sb = new StringBuilder();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				sb.append(String.format("%012d", Long.parseLong(part))).append('/');
			}
		}
		return sb.toString();
	}

	public Optional<Region> find(long id) {
		return jdbc.query("select * from org_region where id = :id", Map.of("id", id), ROW).stream().findFirst();
	}

	public Region get(long id) {
		return find(id).orElseThrow(() -> new NotFound("区划"));
	}

	public Optional<Region> findByPath(String path) {
		return jdbc.query("select * from org_region where path = :p", Map.of("p", path), ROW).stream().findFirst();
	}

	public Optional<Region> findByCode(String code) {
		return jdbc.query("select * from org_region where code = :code", Map.of("code", code), ROW).stream().findFirst();
	}

	/** Input for a new region. */
	public record NewRegion(Long parentId, RegionLevel level, String code, String name) {
	}

	@Transactional
	public Region create(NewRegion input) {
		if (input.name() == null || input.name().isBlank()) {
			throw BusinessRuleViolation.onField("name", "请填写区划名称");
		}
		if (input.level() == null) {
			throw BusinessRuleViolation.onField("level", "请选择区划层级");
		}
		Region parent = input.parentId() == null ? null
				: find(input.parentId()).orElseThrow(() -> BusinessRuleViolation.onField("parentId", "上级区划不存在"));
		String code = input.code() == null || input.code().isBlank() ? null : input.code().strip();
		RegionCodePolicy.problem(input.level(), code, parent).ifPresent(p -> {
			throw BusinessRuleViolation.onField(code != null && !p.contains("上级") && !p.contains("区划不能") ? "code" : "parentId", p);
		});
		if (code != null && findByCode(code).isPresent()) {
			throw BusinessRuleViolation.onField("code", "区划代码 " + code + " 已存在");
		}
		long id = jdbc.queryForObject("select nextval('org_region_id_seq')", Map.of(), Long.class);
		String path = (parent == null ? "/" : parent.path()) + id + "/";
		try {
			jdbc.update("""
					insert into org_region (id, code, name, level, parent_id, path)
					values (:id, :code, :name, :level, :parent, :path)""",
					new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("id", id)
						.addValue("code", code)
						.addValue("name", input.name().strip())
						.addValue("level", input.level().name())
						.addValue("parent", input.parentId())
						.addValue("path", path));
		}
		catch (DuplicateKeyException e) {
			throw BusinessRuleViolation.onField("name", "上级区划下已有同名区划“" + input.name().strip() + "”");
		}
		Region region = get(id);
		record.append("region", id, null, "region.created", "新增行政区划“" + region.name() + "”",
				Map.of("name", region.name(), "code", String.valueOf(code), "level", region.level(), "parentId",
						String.valueOf(input.parentId())));
		return region;
	}
}
