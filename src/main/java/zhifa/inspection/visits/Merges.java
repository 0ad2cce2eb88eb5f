package zhifa.inspection.visits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseRecord;
import zhifa.casework.Cases;
import zhifa.inspection.Fields;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;
import zhifa.shared.StaleWrite;

/**
 * 合并检查建议 (综合查一次): whenever a visit is drawn or registered, the platform looks for another body's visit to the same
 * enterprise, not yet carried out, in the same quarter, and proposes one joint visit. Each body's head (or administrator)
 * accepts or declines with a reason; when both accept, both teams go in on the earlier of the two days — one visit
 * for the enterprise — and each body still records its own findings on its own case.
 */
@Service
public class Merges {

	public record Proposal(long id, String uscc, String objectName, long visitA, long bodyA, String bodyAName, LocalDate dayA, long visitB, long bodyB,
			String bodyBName, LocalDate dayB, String quarter, String status, String aDecision, String aReason, String bDecision, String bReason,
			LocalDate jointOn) {

		public String statusLabel() {
			return switch (status) {
				case "ACCEPTED" -> "已合并为一次联合检查（" + jointOn + "）";
				case "DECLINED" -> "未合并";
				default -> "待双方确认";
			};
		}

		/** Whether the body has still to answer. */
		public boolean awaits(long body) {
			return "PROPOSED".equals(status) && (body == bodyA && aDecision == null || body == bodyB && bDecision == null);
		}
	}

	private static final String SELECT = """
			select m.*, o.name as object_name, va.body_id as body_a, ba.name as body_a_name, va.planned_on as day_a, vb.body_id as body_b,
			  bb.name as body_b_name, vb.planned_on as day_b
			from insp_merge m join insp_visit va on va.id = m.visit_a join insp_visit vb on vb.id = m.visit_b
			join insp_object o on o.id = va.object_id join body_view ba on ba.id = va.body_id join body_view bb on bb.id = vb.body_id""";

	private final NamedParameterJdbcTemplate jdbc;
	private final Cases cases;
	private final CaseRecord caseRecord;
	private final BodyScopes scopes;
	private final Clock clock;

	Merges(NamedParameterJdbcTemplate jdbc, Cases cases, CaseRecord caseRecord, BodyScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.caseRecord = caseRecord;
		this.scopes = scopes;
		this.clock = clock;
	}

	static String quarter(LocalDate day) {
		return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
	}

	/** Proposes a joint visit for each other body's visit still to be made to the enterprise in the visit's quarter; how many. */
	int propose(long visitId) {
		var v = jdbc.queryForMap("select id, uscc, body_id, planned_on from insp_visit where id = :id", Map.of("id", visitId));
		LocalDate day = ((java.sql.Date) v.get("planned_on")).toLocalDate();
		String q = quarter(day);
		LocalDate from = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
		List<Long> others = jdbc.queryForList("""
				select o.id from insp_visit o join case_view c on c.id = o.case_id
				where o.uscc = :u and o.body_id <> :b and c.stage = 'PLANNED' and o.planned_on >= :from and o.planned_on < :to
				and not exists (select 1 from insp_team_member m where m.visit_id = o.id and m.body_id = :b)
				order by o.id""", new MapSqlParameterSource().addValue("u", v.get("uscc")).addValue("b", v.get("body_id")).addValue("from", from)
			.addValue("to", from.plusMonths(3)), Long.class);
		int n = 0;
		for (long other : others) {
			long a = Math.min(other, visitId);
			long b = Math.max(other, visitId);
			n += jdbc.update("""
					insert into insp_merge (uscc, visit_a, visit_b, quarter, status, created_at) values (:u, :a, :b, :q, 'PROPOSED', :now)
					on conflict (visit_a, visit_b) do nothing""", new MapSqlParameterSource().addValue("u", v.get("uscc")).addValue("a", a).addValue("b", b)
				.addValue("q", q).addValue("now", Timestamp.from(clock.instant())));
		}
		return n;
	}

	/** The proposals touching the bodies in the scope, open ones first. */
	public List<Proposal> list(DataScope scope) {
		Map<String, Object> p = new HashMap<>();
		String a = scopes.sqlCondition(scope, "va.body_id", p);
		String b = scopes.sqlCondition(scope, "vb.body_id", p);
		return jdbc.query(SELECT + " where (" + a + " or " + b + ") order by m.status = 'PROPOSED' desc, m.id desc limit 200", p, Merges::row);
	}

	/** The proposals a visit is part of. */
	public List<Proposal> ofVisit(long visitId) {
		return jdbc.query(SELECT + " where m.visit_a = :v or m.visit_b = :v order by m.id", Map.of("v", visitId), Merges::row);
	}

	/** A body's answer: accept, or decline with the reason. Both accepting make it one visit on the earlier day. */
	@Transactional
	public Proposal decide(Operator op, long id, boolean accept, String reason) {
		Proposal m = jdbc.query(SELECT + " where m.id = :id for update of m", Map.of("id", id), Merges::row).stream().findFirst()
			.orElseThrow(() -> new NotFound("合并检查建议"));
		boolean sideA = scopes.covers(op.scope(), m.bodyA()) && m.aDecision() == null;
		boolean sideB = !sideA && scopes.covers(op.scope(), m.bodyB()) && m.bDecision() == null;
		if (!scopes.covers(op.scope(), m.bodyA()) && !scopes.covers(op.scope(), m.bodyB())) {
			throw new NotFound("合并检查建议");
		}
		if (!op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN"))) {
			throw new AccessDeniedException("合并检查建议由机关负责人或单位管理员确认");
		}
		if (!"PROPOSED".equals(m.status()) || !sideA && !sideB) {
			throw new BusinessRuleViolation("本单位已经答复过这条建议（" + m.statusLabel() + "）");
		}
		boolean planned = Boolean.TRUE.equals(jdbc.queryForObject("""
				select bool_and(c.stage = 'PLANNED') from insp_visit v join case_view c on c.id = v.case_id where v.id in (:a, :b)""",
				Map.of("a", m.visitA(), "b", m.visitB()), Boolean.class));
		if (!planned) {
			throw new BusinessRuleViolation("其中一次检查已经实施，不能再合并");
		}
				Map<String, String> errors = new LinkedHashMap<>();
		if (accept) {
			Fields.optional(errors, "reason", "意见", reason, 500);
		}
		else {
			Fields.text(errors, "reason", "不合并的理由", reason, 500);
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		String side = sideA ? "a" : "b";
		int n = jdbc.update("update insp_merge set " + side + "_decision = :d, " + side + "_reason = :r, " + side + "_by = :by where id = :id and " + side
				+ "_decision is null", new MapSqlParameterSource().addValue("d", accept ? "ACCEPT" : "DECLINE").addValue("r", Fields.strip(reason))
					.addValue("by", op.operatorName()).addValue("id", id));
		if (n != 1) {
			throw new StaleWrite("该合并检查建议");
		}
		long own = sideA ? m.visitA() : m.visitB();
		long otherVisit = sideA ? m.visitB() : m.visitA();
		String otherBody = sideA ? m.bodyBName() : m.bodyAName();
		var ownCase = cases.get(DataScope.all(), caseOf(own));
		if (!accept) {
			jdbc.update("update insp_merge set status = 'DECLINED' where id = :id", Map.of("id", id));
			caseRecord.append(ownCase, "inspection.merge_declined", "不与" + otherBody + "合并检查“" + m.objectName() + "”：" + reason.strip(),
					Map.of("reason", reason.strip()));
		}
		else if ((sideA ? m.bDecision() : m.aDecision()) != null) {
			// both accepted (the other side cannot have declined: a decline closes the proposal)
			LocalDate day = m.dayA().isBefore(m.dayB()) ? m.dayA() : m.dayB();
			jdbc.update("update insp_merge set status = 'ACCEPTED', joint_on = :d where id = :id", Map.of("d", day, "id", id));
			for (long visit : List.of(own, otherVisit)) {
				var c = cases.get(DataScope.all(), caseOf(visit));
				cases.claim(c, null);
				jdbc.update("update insp_visit set planned_on = :d, version = version + 1 where id = :v", Map.of("d", day, "v", visit));
				caseRecord.append(c, "inspection.merged", m.bodyAName() + "与" + m.bodyBName() + "对“" + m.objectName() + "”的检查合并为一次联合检查，于 " + day
						+ " 一同入企（综合查一次）", Map.of("plannedOn", day.toString()));
			}
		}
		else {
			caseRecord.append(ownCase, "inspection.merge_accepted", "同意与" + otherBody + "合并检查“" + m.objectName() + "”，待对方确认", Map.of());
		}
		return jdbc.query(SELECT + " where m.id = :id", Map.of("id", id), Merges::row).get(0);
	}

	/** The cases of the visits merged with this one into one joint visit. */
	public List<String> jointCases(long visitId) {
		return jdbc.queryForList("""
				select v.case_id::text from insp_merge m join insp_visit v on v.id = case when m.visit_a = :v then m.visit_b else m.visit_a end
				where m.status = 'ACCEPTED' and (m.visit_a = :v or m.visit_b = :v)""", Map.of("v", visitId), String.class);
	}

	private long caseOf(long visitId) {
		return jdbc.queryForObject("select case_id from insp_visit where id = :v", Map.of("v", visitId), Long.class);
	}

	private static Proposal row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Proposal(rs.getLong("id"), rs.getString("uscc"), rs.getString("object_name"), rs.getLong("visit_a"), rs.getLong("body_a"),
				rs.getString("body_a_name"), rs.getObject("day_a", LocalDate.class), rs.getLong("visit_b"), rs.getLong("body_b"), rs.getString("body_b_name"),
				rs.getObject("day_b", LocalDate.class), rs.getString("quarter"), rs.getString("status"), rs.getString("a_decision"), rs.getString("a_reason"),
				rs.getString("b_decision"), rs.getString("b_reason"), rs.getObject("joint_on", LocalDate.class));
	}
}
