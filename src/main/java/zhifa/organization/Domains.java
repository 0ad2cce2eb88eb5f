package zhifa.organization;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;

/** 执法领域: an editable code list (administrators add domains; a domain in use is deactivated, never deleted). */
@Service
public class Domains {

	public record Domain(String code, String name, boolean active, int sortOrder) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final FullProcessRecord record;

	Domains(NamedParameterJdbcTemplate jdbc, FullProcessRecord record) {
		this.jdbc = jdbc;
		this.record = record;
	}

	public List<Domain> all() {
		return jdbc.query("select * from org_domain order by sort_order, code", Map.of(),
				(rs, i) -> new Domain(rs.getString("code"), rs.getString("name"), rs.getBoolean("active"),
						rs.getInt("sort_order")));
	}

	public List<Domain> active() {
		return all().stream().filter(Domain::active).toList();
	}

	public boolean exists(String code) {
		return jdbc.queryForObject("select count(*) from org_domain where code = :c", Map.of("c", code), Integer.class) > 0;
	}

	/** The domain's Chinese name for a page (执法领域 as the user knows it), the code itself when unknown, "" for none. */
	public String name(String code) {
		if (code == null || code.isBlank()) {
			return "";
		}
		return jdbc.query("select name from org_domain where code = :c", Map.of("c", code), (rs, i) -> rs.getString(1)).stream().findFirst().orElse(code);
	}

	/** Finds a domain by code or by its Chinese name (for Excel import). */
	public java.util.Optional<Domain> byCodeOrName(String text) {
		String t = text.strip();
		return all().stream().filter(d -> d.code().equalsIgnoreCase(t) || d.name().equals(t)).findFirst();
	}

	@Transactional
	public Domain add(String code, String name) {
		String c = code == null ? "" : code.strip().toUpperCase();
		if (!c.matches("[A-Z][A-Z0-9_]{1,31}")) {
			throw BusinessRuleViolation.onField("code", "领域代码应为2至32位大写字母、数字或下划线，以字母开头");
		}
		if (name == null || name.isBlank() || name.strip().length() > 50) {
			throw BusinessRuleViolation.onField("name", "请填写领域名称（不超过50个字）");
		}
		if (exists(c)) {
			throw BusinessRuleViolation.onField("code", "领域代码 " + c + " 已存在");
		}
		if (all().stream().anyMatch(d -> d.name().equals(name.strip()))) {
			throw BusinessRuleViolation.onField("name", "领域名称“" + name.strip() + "”已存在");
		}
		int order = jdbc.queryForObject("select coalesce(max(sort_order), 0) + 10 from org_domain", Map.of(), Integer.class);
		jdbc.update("insert into org_domain (code, name, active, sort_order) values (:c, :n, true, :o)",
				Map.of("c", c, "n", name.strip(), "o", order));
		record.append("domain", c, null, "domain.added", "新增执法领域“" + name.strip() + "”", Map.of("code", c, "name", name.strip()));
		return new Domain(c, name.strip(), true, order);
	}

	@Transactional
	public void setActive(String code, boolean active) {
		int n = jdbc.update("update org_domain set active = :a where code = :c and active <> :a", Map.of("a", active, "c", code));
		if (n == 0) {
			throw new BusinessRuleViolation("领域不存在或状态未变化");
		}
		record.append("domain", code, null, active ? "domain.activated" : "domain.deactivated",
				(active ? "启用" : "停用") + "执法领域 " + code, Map.of("code", code));
	}
}
