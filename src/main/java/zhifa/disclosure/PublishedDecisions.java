package zhifa.disclosure;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.disclosure.DecisionDisclosures.Item;
import zhifa.shared.NotFound;
import zhifa.shared.Page;

/** The public side of {@link DecisionDisclosures}: what the portal finds and shows of the published decisions. */
@Service
public class PublishedDecisions {

	private final NamedParameterJdbcTemplate jdbc;

	PublishedDecisions(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Published decisions matching the words (title, party — organisations by name; people are 某 already —, matter, body)
	 * and the period, newest first.
	 */
	public Page<Item> search(Long bodyId, String words, LocalDate from, LocalDate to, int page, int size) {
		Map<String, Object> p = new LinkedHashMap<>();
		StringBuilder where = new StringBuilder(" where d.status in ('PUBLISHED', 'WITHDRAWN')");
		if (bodyId != null) {
			where.append(" and d.body_id = :b");
			p.put("b", bodyId);
		}
		if (words != null && !words.isBlank()) {
			// a withdrawn decision is found by its title and body only (its content is no longer public)
			where.append(" and (d.title like :w or b.name like :w or (d.status = 'PUBLISHED' and (d.party like :w or d.matter like :w)))");
			p.put("w", "%" + words.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (from != null) {
			where.append(" and d.decided_on >= :from");
			p.put("from", from);
		}
		if (to != null) {
			where.append(" and d.decided_on <= :to");
			p.put("to", to);
		}
		long total = jdbc.queryForObject("select count(*) from disclosure_item d join body_view b on b.id = d.body_id" + where, p, Long.class);
		p.put("limit", size);
		p.put("offset", (long) page * size);
		return new Page<>(jdbc.query(DecisionDisclosures.SELECT + where + " order by d.published_on desc, d.id desc limit :limit offset :offset", p, DecisionDisclosures::row),
				total, page, size);
	}

	/** The ids of every published item (for the sitemap). */
	public List<Long> publishedIds() {
		return jdbc.queryForList("select id from disclosure_item where status in ('PUBLISHED', 'WITHDRAWN') order by id desc limit 50000", Map.of(), Long.class);
	}

	public Item publicItem(long id) {
		return jdbc.query(DecisionDisclosures.SELECT + " where d.id = :id and d.status in ('PUBLISHED', 'WITHDRAWN')", Map.of("id", id), DecisionDisclosures::row).stream().findFirst()
			.orElseThrow(() -> new NotFound("公开的处罚决定"));
	}
}
