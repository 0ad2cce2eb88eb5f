package zhifa.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;

/**
 * 清理建议 (方案任务11: 对没有法律法规规章依据、长期未发生执法行为、职责交叉的事项进行清理): matters without legal basis, matters in
 * force for over five years with no enforcement activity in the last five, and articles that matters of several bodies
 * rest on.
 */
@Service
public class CatalogueCleanup {

	static final int INACTIVE_YEARS = 5;

	private final NamedParameterJdbcTemplate jdbc;
	private final Matters matters;
	private final MatterActivity activity;
	private final BodyScopes scopes;
	private final Clock clock;

	CatalogueCleanup(NamedParameterJdbcTemplate jdbc, Matters matters, MatterActivity activity, BodyScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.matters = matters;
		this.activity = activity;
		this.scopes = scopes;
		this.clock = clock;
	}

	/** Whether activity data is connected, from which sources, and — only if it is — the inactive matters. */
	public record Inactivity(boolean connected, List<String> sources, LocalDate since, List<Matter> matters) {
	}

	public record Overlap(String article, List<Matter> matters) {
	}

	public List<Matter> withoutBasis(DataScope scope) {
		return matters.withoutBasis(scope);
	}

	public Inactivity inactive(DataScope scope) {
		LocalDate today = LocalDate.now(clock);
		LocalDate since = today.minusYears(INACTIVE_YEARS);
		if (!activity.connected()) {
			return new Inactivity(false, List.of(), since, List.of());
		}
		// in force before the window opened (its first day in 芒市, not in the database session's zone): a matter that took
		// effect two years ago is not "long unused"
		Map<String, Object> p = new HashMap<>();
		p.put("since", since);
		List<Long> old = jdbc.queryForList("select m.id from enforcement_matter m where m.status in ('ACTIVE', 'SUSPENDED') and "
				+ scopes.sqlCondition(scope, "m.body_id", p)
				+ " and (select min(s.changed_at) from enforcement_matter_status s where s.matter_id = m.id and s.to_status = 'ACTIVE')"
				+ " < (cast(:since as date)::timestamp at time zone 'Asia/Shanghai')",
				p, Long.class);
		Map<Long, Long> counts = activity.counts(old, null, since, today).orElseThrow();
		List<Matter> unused = old.stream().filter(id -> counts.getOrDefault(id, 0L) == 0).map(id -> matters.get(DataScope.all(), id)).toList();
		return new Inactivity(true, activity.sources(), since, unused);
	}

	/** Articles (条) that non-cancelled matters of two or more bodies rest on, where one of the bodies is in the scope. */
	public List<Overlap> overlaps(DataScope scope) {
		var rows = jdbc.queryForList("""
				select p.document_id, p.article_no, d.short_title, m.id as matter_id, m.body_id
				from enforcement_matter_basis x join legal_provision p on p.id = x.provision_id join legal_document d on d.id = p.document_id
				join enforcement_matter m on m.id = x.matter_id
				where m.status <> 'CANCELLED' and (p.document_id, p.article_no) in (
				  select p2.document_id, p2.article_no from enforcement_matter_basis x2 join legal_provision p2 on p2.id = x2.provision_id
				  join enforcement_matter m2 on m2.id = x2.matter_id where m2.status <> 'CANCELLED'
				  group by p2.document_id, p2.article_no having count(distinct m2.body_id) > 1)
				order by d.short_title, p.article_no, m.body_id""", Map.of());
		Map<String, List<Long>> byArticle = new LinkedHashMap<>();
		Map<String, Boolean> visible = new HashMap<>();
		for (var r : rows) {
			String article = r.get("short_title") + "第" + ChineseNumerals.format(((Number) r.get("article_no")).intValue()) + "条";
			List<Long> ids = byArticle.computeIfAbsent(article, k -> new ArrayList<>());
			long matterId = ((Number) r.get("matter_id")).longValue();
			if (!ids.contains(matterId)) {
				ids.add(matterId);
			}
			if (scopes.covers(scope, ((Number) r.get("body_id")).longValue())) {
				visible.put(article, true);
			}
		}
		return byArticle.entrySet().stream().filter(e -> visible.containsKey(e.getKey()))
			.map(e -> new Overlap(e.getKey(), e.getValue().stream().map(id -> matters.get(DataScope.all(), id)).toList())).toList();
	}
}
