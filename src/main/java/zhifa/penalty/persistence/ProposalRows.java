package zhifa.penalty.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import zhifa.discretion.Circumstance;
import zhifa.penalty.Sanction;
import zhifa.penalty.proposal.Proposal;
import zhifa.penalty.proposal.Review;
import zhifa.penalty.proposal.ReviewListItem;

/** Proposals ({@code penalty_proposal}), reviews and discussions ({@code penalty_review}), the 法制审核目录清单 ({@code penalty_review_list}). */
@Repository
public class ProposalRows {

	private final NamedParameterJdbcTemplate jdbc;

	ProposalRows(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Proposal> proposal(long caseId) {
		return jdbc.query("select * from penalty_proposal where case_id = :c", Map.of("c", caseId), (rs, i) -> new Proposal(rs.getString("report"),
				circumstances(rs.getString("circumstances")), (Long) rs.getObject("illegal_gains"), rs.getString("assessment"), rs.getString("tier"),
				PenaltyRows.sanction(rs, ""), lines(rs.getString("deviations")),
				rs.getString("deviation_reason"), rs.getBoolean("major"), rs.getBoolean("complex"), rs.getString("proposed_by"))).stream().findFirst();
	}

	/** Replaces the case's proposal. */
	public void save(long caseId, Proposal p, Instant at) {
		jdbc.update("delete from penalty_proposal where case_id = :c", Map.of("c", caseId));
		jdbc.update("""
				insert into penalty_proposal (case_id, report, circumstances, illegal_gains, assessment, tier, types, fine, gains, property, property_value, deviations,
				  deviation_reason, major, complex, proposed_by, proposed_at)
				values (:c, :r, :ci, :g, :a, :t, :ty, :f, :co, :pr, :pv, :d, :dr, :m, :x, :by, :now)""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("r", p.report())
					.addValue("ci", p.circumstances().stream().map(Enum::name).sorted().collect(Collectors.joining(","))).addValue("g", p.illegalGains())
					.addValue("a", p.assessment()).addValue("t", p.tier()).addValue("ty", PenaltyRows.types(p.sanction())).addValue("f", p.sanction().fine())
					.addValue("co", p.sanction().gains()).addValue("pr", p.sanction().property()).addValue("pv", p.sanction().propertyValue()).addValue("d", String.join("\n", p.deviations())).addValue("dr", p.deviationReason())
					.addValue("m", p.major()).addValue("x", p.complex()).addValue("by", p.proposedBy()).addValue("now", Timestamp.from(at)));
	}

	public List<Review> reviews(long caseId) {
		return jdbc.query("select * from penalty_review where case_id = :c order by id", Map.of("c", caseId), (rs, i) -> new Review(rs.getLong("id"),
				rs.getString("kind"), rs.getDate("requested_on").toLocalDate(), rs.getString("grounds"), rs.getString("result"), rs.getString("opinion"),
				rs.getString("participants"), rs.getString("reviewer_name"), PenaltyRows.date(rs, "decided_on")));
	}

	/**
	 * The reviews of the case's proposal as it stands ({@code kind} LEGAL or COLLECTIVE), oldest first: those recorded
	 * while it was the proposal, and those recorded before reviews kept their proposal (V116).
	 */
	public List<Review> reviewsOfTheProposal(long caseId, String kind) {
		return jdbc.query("""
				select r.* from penalty_review r join penalty_proposal p on p.case_id = r.case_id
				where r.case_id = :c and r.kind = :k and (r.proposal_at is null or r.proposal_at = p.proposed_at) order by r.id""",
				Map.of("c", caseId, "k", kind), (rs, i) -> new Review(rs.getLong("id"), rs.getString("kind"), rs.getDate("requested_on").toLocalDate(),
						rs.getString("grounds"), rs.getString("result"), rs.getString("opinion"), rs.getString("participants"), rs.getString("reviewer_name"),
						PenaltyRows.date(rs, "decided_on")));
	}

	public boolean collectiveHeldOn(long caseId, LocalDate day) {
		return jdbc.queryForObject("select count(*) from penalty_review where case_id = :c and kind = 'COLLECTIVE' and decided_on >= :d",
				Map.of("c", caseId, "d", day), Long.class) > 0;
	}

	/** Legal reviews the user has completed anywhere (a first review needs a 法律职业资格, 第五十八条第二款). */
	public int legalReviewsBy(long userId) {
		return jdbc.queryForObject("select count(*) from penalty_review where kind = 'LEGAL' and reviewer_user = :u and result is not null",
				Map.of("u", userId), Integer.class);
	}

	public long insertLegalReview(long caseId, LocalDate on, String grounds, boolean passed, String opinion, String reviewer, Long userId,
			String qualification) {
		return jdbc.queryForObject("""
				insert into penalty_review (case_id, kind, requested_on, grounds, result, opinion, reviewer_name, reviewer_user, qualification, decided_on,
				  proposal_at)
				values (:c, 'LEGAL', :d, :g, :r, :o, :n, :u, :q, :d, (select proposed_at from penalty_proposal where case_id = :c)) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("d", on).addValue("g", grounds).addValue("r", passed ? "PASSED" : "RETURNED")
					.addValue("o", opinion).addValue("n", reviewer).addValue("u", userId).addValue("q", qualification),
				Long.class);
	}

	public long insertCollective(long caseId, LocalDate on, String grounds, String minutes, String participants, String by, Long userId) {
		return jdbc.queryForObject("""
				insert into penalty_review (case_id, kind, requested_on, grounds, result, opinion, participants, reviewer_name, reviewer_user, decided_on,
				  proposal_at)
				values (:c, 'COLLECTIVE', :d, :g, 'DECIDED', :o, :p, :n, :u, :d, (select proposed_at from penalty_proposal where case_id = :c)) returning id""",
				new MapSqlParameterSource().addValue("c", caseId).addValue("d", on).addValue("g", grounds).addValue("o", minutes).addValue("p", participants)
					.addValue("n", by).addValue("u", userId),
				Long.class);
	}

	/** The notes of the body's review-list entries that name the case's matter. */
	public List<String> reviewListNotes(long bodyId, long matterId) {
		return jdbc.queryForList("select note from penalty_review_list where body_id = :b and matter_id = :m", Map.of("b", bodyId, "m", matterId),
				String.class);
	}

	public List<ReviewListItem> reviewList(long bodyId) {
		return jdbc.query("""
				select l.matter_id, m.code, m.name, l.note, l.added_by from penalty_review_list l join matter_view m on m.id = l.matter_id
				where l.body_id = :b order by m.code""", Map.of("b", bodyId),
				(rs, i) -> new ReviewListItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
	}

	public void addToReviewList(long bodyId, long matterId, String note, String by, Instant at) {
		jdbc.update("""
				insert into penalty_review_list (body_id, matter_id, note, added_by, added_at) values (:b, :m, :n, :by, :at)
				on conflict (body_id, matter_id) do update set note = excluded.note""",
				new MapSqlParameterSource().addValue("b", bodyId).addValue("m", matterId).addValue("n", note).addValue("by", by)
					.addValue("at", Timestamp.from(at)));
	}

	public int removeFromReviewList(long bodyId, long matterId) {
		return jdbc.update("delete from penalty_review_list where body_id = :b and matter_id = :m", Map.of("b", bodyId, "m", matterId));
	}

	private static Set<Circumstance> circumstances(String text) {
		return text == null || text.isBlank() ? Set.of() : Arrays.stream(text.split(",")).map(Circumstance::valueOf).collect(Collectors.toSet());
	}

	private static List<String> lines(String text) {
		return text == null || text.isBlank() ? List.of() : List.of(text.split("\n"));
	}
}
