package zhifa.supervision.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.RandomDraw;

/**
 * Which closed files a review programme draws from: those of its audited bodies and kinds closed in its period, less
 * the files another programme drew — a file is reviewed once, not by two panels or twice over — and never over the
 * published list of another programme still waiting for its draw (that draw comes first).
 */
@Component
class ReviewPopulation {

	/** The closed files of the audited bodies, of the kinds chosen, closed in the period (as {@code a}). */
	private static final String CLOSED_FILES = """
			from sv_act a where a.body_id in (:b) and a.kind in (:k) and a.closed_on between :from and :to
			  and a.stage not in ('NOT_FILED', 'HANDED_OVER', 'TRANSFERRED')""";

	/** Not drawn by another programme (:p is this one). */
	private static final String NOT_DRAWN_ELSEWHERE = "not exists (select 1 from sv_review_file o where o.act_id = a.id and o.programme_id <> :p)";

	private final NamedParameterJdbcTemplate jdbc;

	ReviewPopulation(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	private static MapSqlParameterSource scope(List<Long> bodies, List<String> kinds, LocalDate from, LocalDate to, long programme) {
		return new MapSqlParameterSource().addValue("b", bodies).addValue("k", kinds).addValue("from", from).addValue("to", to).addValue("p", programme);
	}

	private static MapSqlParameterSource scope(CaseFileReviews.Programme p) {
		return scope(p.auditedBodies(), p.kinds(), p.closedFrom(), p.closedTo(), p.id());
	}

	/** For a programme being set up: the closed files of the period, and how many of them no programme drew yet. */
	long[] count(List<Long> bodies, List<String> kinds, LocalDate from, LocalDate to) {
		var counted = jdbc.queryForMap("select count(*) as closed, count(*) filter (where " + NOT_DRAWN_ELSEWHERE + ") as open " + CLOSED_FILES,
				scope(bodies, kinds, from, to, -1));
		return new long[] { ((Number) counted.get("closed")).longValue(), ((Number) counted.get("open")).longValue() };
	}

	/** The closed files the programme draws from: stratum = body, object = ledger number. */
	List<RandomDraw.Candidate> of(CaseFileReviews.Programme p) {
		return jdbc.query("select a.id, a.body_id " + CLOSED_FILES + " and " + NOT_DRAWN_ELSEWHERE + " order by a.id", scope(p),
				(rs, i) -> new RandomDraw.Candidate(String.valueOf(rs.getLong(2)), String.valueOf(rs.getLong(1))));
	}

	/** Per audited body, its closed files of the period another programme has drawn (left out of this one). */
	Map<Long, Integer> drawnElsewhere(CaseFileReviews.Programme p) {
		Map<Long, Integer> out = new HashMap<>();
		jdbc.query("select a.body_id, count(*) " + CLOSED_FILES + " and not " + NOT_DRAWN_ELSEWHERE + " group by a.body_id", scope(p), rs -> {
			out.put(rs.getLong(1), rs.getInt(2));
		});
		return out;
	}

	/** Why a programme has nothing to draw from. */
	String emptyReason(CaseFileReviews.Programme p) {
		int elsewhere = drawnElsewhere(p).values().stream().mapToInt(Integer::intValue).sum();
		return elsewhere == 0 ? "所选单位在 " + p.closedFrom() + " 至 " + p.closedTo() + " 没有已结案的所选种类案件"
				: "所选单位在 " + p.closedFrom() + " 至 " + p.closedTo() + " 已结案的 " + elsewhere + " 件所选种类案件均已被其他评查活动抽中（同一案卷只评查一次）";
	}

	/**
	 * Before programme {@code id} publishes {@code pool}: one programme is published at a time, and none over the
	 * published list of another not yet drawn (that one's draw comes first, and this population then leaves out what it
	 * drew). Runs in the caller's transaction; its lock is held to the commit.
	 */
	void requireNoneWaitingOverlaps(long id, List<RandomDraw.Candidate> pool) {
		jdbc.query("select pg_advisory_xact_lock(hashtext('sv_review_publish'))", rs -> {
		});
		Set<String> mine = new HashSet<>(pool.stream().map(RandomDraw.Candidate::uscc).toList());
		jdbc.query("select code, title, canonical from sv_review_programme where status = 'COMMITTED' and id <> :id", Map.of("id", id), rs -> {
			long shared = published(rs.getString(3)).pool().stream().filter(c -> mine.contains(c.uscc())).count();
			if (shared > 0) {
				throw new BusinessRuleViolation("评查活动“" + rs.getString(2) + "”（" + rs.getString(1) + "）已公布案卷名录、尚未抽取，其名录与本活动有 " + shared
						+ " 件相同的案卷：请待其抽取后再公布（同一案卷只评查一次，届时本活动不再包括它抽中的案卷）");
			}
		});
	}

	/** A published text read back: the ratio of each stratum and the population. */
	record Published(Map<String, BigDecimal> ratios, List<RandomDraw.Candidate> pool) {
	}

	static Published published(String canonical) {
		List<RandomDraw.Candidate> pool = new ArrayList<>();
		Map<String, BigDecimal> ratios = new TreeMap<>();
		for (String line : canonical.split("\n")) {
			int eq = line.indexOf('=');
			int sp = line.indexOf(' ');
			if (eq > 0 && sp < 0) {
				ratios.put(line.substring(0, eq), new BigDecimal(line.substring(eq + 1)));
			}
			else if (sp > 0) {
				pool.add(new RandomDraw.Candidate(line.substring(0, sp), line.substring(sp + 1)));
			}
		}
		return new Published(ratios, pool);
	}
}
