package zhifa.inspection.visits;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import zhifa.casework.CaseOfficers;
import zhifa.casework.Cases;
import zhifa.casework.PartyType;
import zhifa.inspection.draw.RandomDraw;
import zhifa.inspection.draw.Recompute;
import zhifa.inspection.items.InspectionItems;
import zhifa.inspection.objects.InspectionObjects;
import zhifa.inspection.plans.InspectionPlans;
import zhifa.inspection.plans.InspectionPlans.Task;
import zhifa.inspection.plans.InspectionPlans.TaskStatus;
import zhifa.officer.AuthorityDecision;
import zhifa.record.FullProcessRecord;
import zhifa.record.SignedAnchors;
import zhifa.shared.BodyScopes;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.shared.Sm3;

/**
 * The one draw of a task (双随机): objects by {@link RandomDraw} from the committed pool, with the seed from the commitment
 * and the beacon — the root of the first signed record anchor made after the commitment (made at once when none has been
 * since) — then for every drawn object and every body of the task two inspectors, at random among the body's officers
 * whose certificate covers each of the body's items' 执法领域 on the visit day ({@link zhifa.officer.OfficerAuthority}),
 * leaving out declared conflicts with the object and spreading the load: fewest visits first, then the smallest
 * SM3(种子 ‖ 机关 ‖ 统一社会信用代码 ‖ 人员编号). Each drawn object becomes an inspection case. A second draw is refused and the
 * refusal recorded.
 */
@Service
public class Draws {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final NamedParameterJdbcTemplate jdbc;
	private final InspectionPlans plans;
	private final InspectionItems items;
	private final InspectionObjects objects;
	private final Cases cases;
	private final CaseOfficers officers;
	private final SignedAnchors anchors;
	private final FullProcessRecord record;
	private final zhifa.casework.CaseRecord caseRecord;
	private final org.springframework.beans.factory.ObjectProvider<Visits> visits;
	private final BodyScopes scopes;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final int capPerBody;
	private final int capTotal;

	Draws(NamedParameterJdbcTemplate jdbc, InspectionPlans plans, InspectionItems items, InspectionObjects objects, Cases cases, CaseOfficers officers,
			SignedAnchors anchors, FullProcessRecord record, zhifa.casework.CaseRecord caseRecord, org.springframework.beans.factory.ObjectProvider<Visits> visits, BodyScopes scopes, TransactionTemplate tx, Clock clock,
			@Value("${zhifa.inspection.yearly-cap-per-body:2}") int capPerBody, @Value("${zhifa.inspection.yearly-cap-total:4}") int capTotal) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.items = items;
		this.objects = objects;
		this.cases = cases;
		this.officers = officers;
		this.anchors = anchors;
		this.record = record;
		this.caseRecord = caseRecord;
		this.visits = visits;
		this.scopes = scopes;
		this.tx = tx;
		this.clock = clock;
		this.capPerBody = capPerBody;
		this.capTotal = capTotal;
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
		tx.executeWithoutResult(s -> {
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

	/** The yearly caps on visits to one enterprise: by one body, and by all bodies together. */
	public int[] caps() {
		return new int[] { capPerBody, capTotal };
	}

	public Task draw(Operator op, long taskId) {
		Task t = plans.task(op.scope(), taskId);
		if (!op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) || !scopes.covers(op.scope(), t.bodyId())) {
			throw new AccessDeniedException("抽取由任务所属机关的负责人或单位管理员办理");
		}
		if (t.status() == TaskStatus.DRAWN) {
			String reason = "本任务已于 " + zhifa.shared.web.Formats.at(t.drawnAt()) + " 由" + t.drawnBy() + "抽取，同一任务不能重复抽取";
			tx.executeWithoutResult(s -> record.appendRefusal(op, "重复抽取抽查任务 " + t.code(), reason, Map.of("task", t.code())));
			throw new BusinessRuleViolation(reason);
		}
		if (t.status() != TaskStatus.COMMITTED) {
			throw new BusinessRuleViolation("请先公布本任务的参数、对象名录和承诺值，再抽取");
		}
		// the beacon: fixed only after the commitment was recorded (an anchor made now covers that entry)
		SignedAnchors.SignedAnchor beacon = anchors.firstAfter(t.anchorSeqAtCommit()).or(anchors::anchorNow)
			.orElseThrow(() -> new BusinessRuleViolation("尚无承诺值公布后的签名锚定，请稍后再抽取"));
		return tx.execute(s -> drawWith(op, t, beacon));
	}

	private Task drawWith(Operator op, Task t, SignedAnchors.SignedAnchor beacon) {
		String status = jdbc.queryForObject("select status from insp_task where id = :id for update", Map.of("id", t.id()), String.class);
		if (!TaskStatus.COMMITTED.name().equals(status)) {
			throw new BusinessRuleViolation("本任务刚刚已被抽取，同一任务不能重复抽取");
		}
		Recompute.Parsed parsed = Recompute.parse(plans.canonical(t.id()));
		String seed = RandomDraw.seed(t.commitment(), beacon.root());
		List<RandomDraw.Drawn> picks = RandomDraw.select(seed, parsed.ratios(), parsed.population());
		StringBuilder result = new StringBuilder();
		picks.forEach(d -> result.append(d.stratum()).append(' ').append(d.rank()).append(' ').append(d.uscc()).append(' ').append(d.key()).append('\n'));
		String digest = Sm3.hex(result.toString());
		LocalDate today = LocalDate.now(clock);
		LocalDate day = today.isBefore(t.startsOn()) ? t.startsOn() : today;

		// each body's items, the 执法领域 they need, and the matter the case is registered under
		Map<Long, List<InspectionItems.Item>> bodyItems = new LinkedHashMap<>();
		Map<Long, Set<String>> domains = new HashMap<>();
		Long matterId = null;
		for (var ti : t.items()) {
			var item = items.find(ti.itemId()).orElseThrow();
			var matter = items.matter(item).orElseThrow(() -> new BusinessRuleViolation("“" + item.name() + "”已不在" + ti.bodyName() + "现行公布的执法事项目录中"));
			bodyItems.computeIfAbsent(item.bodyId(), k -> new ArrayList<>()).add(item);
			domains.computeIfAbsent(item.bodyId(), k -> new LinkedHashSet<>()).add(matter.domainCode());
			if (matterId == null && item.bodyId() == t.bodyId()) {
				matterId = matter.matterId();
			}
		}
		// who may inspect for each body on the day: a valid certificate for every domain of its items
		Map<Long, List<AuthorityDecision>> pool = new HashMap<>();
		domains.forEach((body, codes) -> pool.put(body, certified(body, codes, day)));
		Map<Long, Integer> load = load();

		List<Long> caseIds = new ArrayList<>();
		int overCap = 0;
		for (RandomDraw.Drawn d : picks) {
			var object = objects.byUscc(d.uscc()).orElseThrow(() -> new BusinessRuleViolation("名录库中已无对象 " + d.uscc()));
			Set<Long> conflicted = new HashSet<>(jdbc.queryForList("select officer_id from insp_conflict where object_id = :o", Map.of("o", object.id()),
					Long.class));
			Map<Long, List<AuthorityDecision>> team = new LinkedHashMap<>();
			for (long body : bodyItems.keySet()) {
				List<AuthorityDecision> eligible = new ArrayList<>(pool.get(body).stream().filter(a -> !conflicted.contains(a.officerId())).toList());
				if (eligible.size() < 2) {
					throw new BusinessRuleViolation(bodyItems.get(body).get(0).bodyName() + "持有效执法证件（覆盖检查事项的执法领域）、与“" + object.name()
							+ "”无利害关系的检查人员不足两名，不能组成检查组（RULES.md §5：每组至少两名）");
				}
				List<AuthorityDecision> two = order(eligible, load, seed, body, d.uscc()).subList(0, 2);
				two.forEach(a -> load.merge(a.officerId(), 1, Integer::sum));
				team.put(body, List.copyOf(two));
			}
			int year = day.getYear();
			int byBody = count("v.body_id = :b", object.uscc(), year, t.bodyId());
			int total = count("true", object.uscc(), year, t.bodyId());
			boolean beyond = byBody >= capPerBody || total >= capTotal;
			overCap += beyond ? 1 : 0;

			var registered = cases.register(new Cases.NewCase(InspectionKind.CODE, t.bodyId(), matterId, VisitStage.PLANNED.name(), "RANDOM",
					"insp-" + t.code() + "-" + object.uscc(), PartyType.ORGANIZATION, object.name(), null, "U:" + object.uscc(), object.uscc(),
					object.regionId(), object.address(), day, null, "双随机抽查：" + t.code() + " " + t.name(), today, op.operatorName(),
					op.operatorKind() == Operator.Kind.USER ? op.operatorId() : null, false));
			long caseId = registered.id();
			long visitId = jdbc.queryForObject("""
					insert into insp_visit (task_id, case_id, object_id, uscc, body_id, stratum, rank, scan_token, planned_on, over_cap)
					values (:task, :case, :object, :uscc, :body, :stratum, :rank, :token, :day, :over) returning id""",
					new MapSqlParameterSource().addValue("task", t.id()).addValue("case", caseId).addValue("object", object.id())
						.addValue("uscc", object.uscc()).addValue("body", t.bodyId()).addValue("stratum", d.stratum()).addValue("rank", d.rank())
						.addValue("token", token()).addValue("day", day).addValue("over", beyond),
					Long.class);
			List<String> names = new ArrayList<>();
			team.forEach((body, members) -> {
				for (int i = 0; i < members.size(); i++) {
					jdbc.update("insert into insp_team_member (visit_id, body_id, officer_id, draw_order) values (:v, :b, :o, :n)",
							Map.of("v", visitId, "b", body, "o", members.get(i).officerId(), "n", i + 1));
					names.add(members.get(i).officerName());
				}
			});
			officers.assign(cases.get(DataScope.all(), caseId), team.get(t.bodyId()).stream().map(AuthorityDecision::officerId).toList(), day);
			Map<String, Object> payload = new TreeMap<>();
			payload.put("task", t.code());
			payload.put("uscc", object.uscc());
			payload.put("stratum", d.stratum());
			payload.put("rank", d.rank());
			payload.put("inspectors", names);
			payload.put("overCap", beyond);
			caseRecord.append(cases.get(DataScope.all(), caseId), "inspection.visit_drawn", "随机抽中“" + object.name() + "”（" + d.stratum() + "类第"
					+ d.rank() + "名），检查人员：" + String.join("、", names) + (beyond ? "；已达年度检查次数上限，须说明理由并经负责人批准后实施" : ""), payload);
			caseIds.add(caseId);
		}
		int n = jdbc.update("""
				update insp_task set status = 'DRAWN', beacon_seq = :seq, beacon = :beacon, seed = :seed, result_digest = :digest, drawn_at = :now,
				  drawn_by = :by, version = version + 1 where id = :id and status = 'COMMITTED'""",
				new MapSqlParameterSource().addValue("seq", beacon.seq()).addValue("beacon", beacon.root()).addValue("seed", seed)
					.addValue("digest", digest).addValue("now", Timestamp.from(clock.instant())).addValue("by", op.operatorName()).addValue("id", t.id()));
		if (n != 1) {
			throw new BusinessRuleViolation("本任务刚刚已被抽取，同一任务不能重复抽取");
		}
		Map<String, Object> payload = new TreeMap<>();
		payload.put("beaconAnchor", beacon.seq());
		payload.put("beacon", beacon.root());
		payload.put("seed", seed);
		payload.put("result", digest);
		payload.put("drawn", picks.size());
		payload.put("overCap", overCap);
		record.append(op, "insp_task", t.id(), t.bodyId(), "inspection.task_drawn", "抽取抽查任务 " + t.code() + "：信标为第" + beacon.seq() + "号签名锚定，抽中 "
				+ picks.size() + " 户" + (overCap > 0 ? "（其中 " + overCap + " 户已达年度检查次数上限）" : ""), payload);
		return plans.task(DataScope.all(), t.id());
	}

	/** The body's officers whose certificate covers every one of the domains on the day. */
	private List<AuthorityDecision> certified(long body, java.util.Collection<String> codes, LocalDate day) {
		Map<Long, AuthorityDecision> ok = null;
		for (String domain : codes) {
			Map<Long, AuthorityDecision> valid = new LinkedHashMap<>();
			officers.choices(body, domain, day).stream().filter(AuthorityDecision::allowed).forEach(a -> valid.put(a.officerId(), a));
			if (ok == null) {
				ok = valid;
			}
			else {
				ok.keySet().retainAll(valid.keySet());
			}
		}
		return ok == null ? List.of() : new ArrayList<>(ok.values());
	}

	/** How many visits still to be made each officer is on (the load the draw spreads). */
	private Map<Long, Integer> load() {
		Map<Long, Integer> load = new HashMap<>();
		jdbc.query("""
				select m.officer_id, count(*) from insp_team_member m join insp_visit v on v.id = m.visit_id join case_view c on c.id = v.case_id
				where c.stage = 'PLANNED' group by m.officer_id""", Map.of(), rs -> {
			load.put(rs.getLong(1), rs.getInt(2));
		});
		return load;
	}

	/** The order inspectors are drawn in: fewest visits first, then the smallest SM3(种子 ‖ 机关 ‖ 代码 ‖ 人员编号). */
	private static List<AuthorityDecision> order(List<AuthorityDecision> eligible, Map<Long, Integer> load, String seed, long body, String uscc) {
		List<AuthorityDecision> sorted = new ArrayList<>(eligible);
		sorted.sort(Comparator.comparingInt((AuthorityDecision a) -> load.getOrDefault(a.officerId(), 0))
			.thenComparing(a -> Sm3.hex(seed + "\n" + body + "\n" + uscc + "\n" + a.officerId())));
		return sorted;
	}

	/**
	 * 回避 after the draw: the head of the inspector's body decides; the inspector leaves the team, the conflict is kept
	 * (no later draw puts him on this enterprise), and a replacement is drawn under the same rules and the task's seed.
	 */
	public void recuse(Operator op, long visitId, long officerId, String reason) {
		Visits.Visit v = visits.getObject().view(op, visitId);
		Visits.Member m = v.team().stream().filter(x -> x.officerId() == officerId).findFirst()
			.orElseThrow(() -> BusinessRuleViolation.onField("officerId", "该人员不是本次检查组成员"));
		if (!op.holdsAnyRole(List.of("LEADER")) || !scopes.covers(op.scope(), m.bodyId())) {
			throw new AccessDeniedException("检查人员的回避由其所在机关负责人决定");
		}
		if (v.stage() != VisitStage.PLANNED) {
			throw new BusinessRuleViolation("检查已经实施，不能再更换检查人员");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		zhifa.inspection.Fields.text(errors, "reason", "回避理由", reason, 300);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		tx.executeWithoutResult(s -> {
			var c = cases.get(DataScope.all(), v.caseId());
			cases.claim(c, null);
			jdbc.update("""
					insert into insp_conflict (officer_id, object_id, reason, declared_on, declared_by) values (:o, :obj, :r, :d, :by)
					on conflict (officer_id, object_id) do nothing""", new MapSqlParameterSource().addValue("o", officerId).addValue("obj", v.objectId())
				.addValue("r", "回避：" + reason.strip()).addValue("d", LocalDate.now(clock)).addValue("by", op.operatorName()));
			jdbc.update("delete from insp_team_member where visit_id = :v and officer_id = :o", Map.of("v", visitId, "o", officerId));
			Set<String> codes = new LinkedHashSet<>();
			v.checks().stream().filter(k -> k.bodyId() == m.bodyId())
				.forEach(k -> items.find(k.itemId()).flatMap(items::matter).ifPresent(e -> codes.add(e.domainCode())));
			Set<Long> out = new HashSet<>(jdbc.queryForList("select officer_id from insp_conflict where object_id = :o", Map.of("o", v.objectId()), Long.class));
			v.team().forEach(x -> out.add(x.officerId()));
			List<AuthorityDecision> eligible = certified(m.bodyId(), codes, v.plannedOn()).stream().filter(a -> !out.contains(a.officerId())).toList();
			if (eligible.isEmpty()) {
				throw new BusinessRuleViolation(m.bodyName() + "没有其他持有效执法证件、与该企业无利害关系的检查人员可以替换，请调整检查安排");
			}
			String seed = v.taskId() == null ? Sm3.hex("visit\n" + v.id())
					: jdbc.queryForObject("select seed from insp_task where id = :t", Map.of("t", v.taskId()), String.class).trim();
			AuthorityDecision next = order(eligible, load(), seed, m.bodyId(), v.uscc()).get(0);
			int orderNo = jdbc.queryForObject("select coalesce(max(draw_order), 0) + 1 from insp_team_member where visit_id = :v", Map.of("v", visitId),
					Integer.class);
			jdbc.update("insert into insp_team_member (visit_id, body_id, officer_id, draw_order) values (:v, :b, :o, :n)",
					Map.of("v", visitId, "b", m.bodyId(), "o", next.officerId(), "n", orderNo));
			if (m.bodyId() == v.bodyId()) {
				List<Long> lead = new ArrayList<>(v.team().stream().filter(x -> x.bodyId() == v.bodyId() && x.officerId() != officerId)
					.map(Visits.Member::officerId).toList());
				lead.add(next.officerId());
				officers.change(c, lead, LocalDate.now(clock));
			}
			caseRecord.append(c, "inspection.recused", m.bodyName() + "负责人决定" + m.name() + "回避（" + reason.strip() + "），按同一规则重新抽取" + next.officerName(),
					Map.of("officer", m.name(), "replacement", next.officerName(), "reason", reason.strip()));
		});
	}

	/** Visits to the enterprise planned in the year (by the body, or by all when the condition is true). */
	private int count(String condition, String uscc, int year, long bodyId) {
		return jdbc.queryForObject("select count(*) from insp_visit v where v.uscc = :u and extract(year from v.planned_on) = :y and " + condition,
				Map.of("u", uscc, "y", year, "b", bodyId), Integer.class);
	}

	private static String token() {
		byte[] b = new byte[16];
		RANDOM.nextBytes(b);
		return HexFormat.of().formatHex(b);
	}
}
