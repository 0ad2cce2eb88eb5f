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
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.casework.CaseOfficers;
import zhifa.inspection.objects.InspectionObjects;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;

/** Declared conflicts of interest between an inspector and an object (利害关系): no draw puts him on a team for it. */
@Service
public class Conflicts {

	private final NamedParameterJdbcTemplate jdbc;
	private final CaseOfficers officers;
	private final InspectionObjects objects;
	private final FullProcessRecord record;
	private final BodyScopes scopes;
	private final TransactionTemplate tx;
	private final Clock clock;

	Conflicts(NamedParameterJdbcTemplate jdbc, CaseOfficers officers, InspectionObjects objects, FullProcessRecord record, BodyScopes scopes,
			TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.officers = officers;
		this.objects = objects;
		this.record = record;
		this.scopes = scopes;
		this.tx = tx;
		this.clock = clock;
	}

	/**
	 * An inspector declares a conflict of interest with an object (回避): from now no draw puts him on a team for it. His
	 * body's head or administrator may declare it for him.
	 */
	public void declareConflict(Operator op, long officerId, long objectId, String reason) {
		var me = officers.officerOfUser(op.operatorKind() == Operator.Kind.USER ? op.operatorId() : null);
		var officer = officers.nameAndBody(officerId).orElseThrow(() -> BusinessRuleViolation.onField("officerId", "执法人员不存在"));
		boolean self = me.isPresent() && me.get() == officerId;
		if (!self && !(op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) && scopes.covers(op.scope(), officer.bodyId()))) {
			throw new AccessDeniedException("利害关系由执法人员本人或其所在机关负责人、单位管理员申报");
		}
		var object = objects.find(objectId).orElseThrow(() -> BusinessRuleViolation.onField("objectId", "检查对象不存在"));
		Map<String, String> errors = new LinkedHashMap<>();
		zhifa.inspection.Fields.text(errors, "reason", "利害关系说明", reason, 300);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		tx.executeWithoutResult(status -> {
			int n = jdbc.update("""
					insert into insp_conflict (officer_id, object_id, reason, declared_on, declared_by) values (:o, :obj, :r, :d, :by)
					on conflict (officer_id, object_id) do nothing""", new MapSqlParameterSource().addValue("o", officerId).addValue("obj", objectId)
				.addValue("r", reason.strip()).addValue("d", LocalDate.now(clock)).addValue("by", op.operatorName()));
			if (n == 0) {
				throw new BusinessRuleViolation(officer.name() + "与“" + object.name() + "”的利害关系已经申报");
			}
			record.append(op, "insp_object", objectId, officer.bodyId(), "inspection.conflict_declared", officer.name() + "申报与“" + object.name()
					+ "”有利害关系，今后不参加对其的检查：" + reason.strip(), Map.of("officer", officer.name(), "reason", reason.strip()));
		});
	}

	/** A declared conflict of interest, as the object's page lists it. */
	public record Conflict(String officerName, String bodyName, String reason, LocalDate declaredOn, String declaredBy) {
	}

	/** The conflicts declared with an object by officers of the bodies in the scope. */
	public List<Conflict> conflicts(DataScope scope, long objectId) {
		Map<String, Object> p = new HashMap<>();
		String where = scopes.sqlCondition(scope, "o.body_id", p);
		p.put("obj", objectId);
		return jdbc.query("""
				select o.name, b.name as body_name, c.reason, c.declared_on, c.declared_by from insp_conflict c join officer_view o on o.id = c.officer_id
				join body_view b on b.id = o.body_id where c.object_id = :obj""" + " and " + where + " order by c.declared_on desc, o.name", p,
				(rs, i) -> new Conflict(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getString(5)));
	}

	/** Who the operator may declare a conflict for: himself, or (head, administrator) the officers of his body. */
	public Map<Long, String> declarable(Operator op) {
		Map<Long, String> m = new LinkedHashMap<>();
		officers.officerOfUser(op.operatorKind() == Operator.Kind.USER ? op.operatorId() : null)
			.ifPresent(me -> officers.nameAndBody(me).ifPresent(o -> m.put(o.id(), o.name() + "（本人）")));
		if (op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) && op.bodyId() != null) {
			jdbc.query("select id, name from officer_view where body_id = :b and status = 'ON_DUTY' order by name", Map.of("b", op.bodyId()), rs -> {
				m.putIfAbsent(rs.getLong(1), rs.getString(2));
			});
		}
		return m;
	}

}
