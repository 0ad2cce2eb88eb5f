package zhifa.inspection.visits;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import zhifa.shared.RandomDraw;
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
 * leaving out declared conflicts with the object, by {@link InspectorDraw} (the smallest SM3(种子 ‖ 机关 ‖ 统一社会信用代码 ‖
 * 人员编号), at most ⌈2 × 抽中户数 ÷ 人员库人数⌉ visits of the draw each); the draw's record keeps each body's pool and cap,
 * so every team can be recomputed. Each drawn object becomes an inspection case. A second draw is refused and the
 * refusal recorded.
 */
@Service
public class Draws {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final zhifa.calendar.CalendarService calendar;
	private final NamedParameterJdbcTemplate jdbc;
	private final InspectionPlans plans;
	private final InspectionItems items;
	private final InspectionObjects objects;
	private final Cases cases;
	private final CaseOfficers officers;
	private final SignedAnchors anchors;
	private final FullProcessRecord record;
	private final DrawRecord drawRecord;
	private final zhifa.casework.CaseRecord caseRecord;
	private final org.springframework.beans.factory.ObjectProvider<Visits> visits;
	private final Merges merges;
	private final BodyScopes scopes;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final int capPerBody;
	private final int capTotal;

	Draws(NamedParameterJdbcTemplate jdbc, InspectionPlans plans, InspectionItems items, InspectionObjects objects, Cases cases, CaseOfficers officers,
			SignedAnchors anchors, FullProcessRecord record, DrawRecord drawRecord, zhifa.casework.CaseRecord caseRecord, org.springframework.beans.factory.ObjectProvider<Visits> visits, Merges merges, BodyScopes scopes, TransactionTemplate tx, Clock clock,
			zhifa.calendar.CalendarService calendar, @Value("${zhifa.inspection.yearly-cap-per-body:2}") int capPerBody, @Value("${zhifa.inspection.yearly-cap-total:4}") int capTotal) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.items = items;
		this.objects = objects;
		this.cases = cases;
		this.officers = officers;
		this.anchors = anchors;
		this.record = record;
		this.drawRecord = drawRecord;
		this.caseRecord = caseRecord;
		this.visits = visits;
		this.merges = merges;
		this.scopes = scopes;
		this.tx = tx;
		this.clock = clock;
		this.capPerBody = capPerBody;
		this.capTotal = capTotal;
		this.calendar = calendar;
	}

	/**
	 * The day each of {@code n} drawn visits is planned for, in draw order: an even share on each working day from
	 * {@code first} to the period's {@code last} day (the officers' work spread over the period, not all due on its first
	 * day); a period with no working day left, all on {@code first}.
	 */
	static List<LocalDate> plannedDays(zhifa.shared.WorkdayCalendar calendar, LocalDate first, LocalDate last, int n) {
		List<LocalDate> working = last.isBefore(first) ? List.of()
				: calendar.days(first, last).stream().filter(zhifa.shared.WorkdayCalendar.Day::working).map(zhifa.shared.WorkdayCalendar.Day::date).toList();
		List<LocalDate> days = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			days.add(working.isEmpty() ? first : working.get((int) ((long) i * working.size() / n)));
		}
		return days;
	}

	/** The officers on duty in a body (for choosing the inspectors of a registered visit). */
	public Map<Long, String> officersOf(long bodyId) {
		Map<Long, String> m = new LinkedHashMap<>();
		jdbc.query("select id, name from officer_view where body_id = :b and status = 'ON_DUTY' order by name", Map.of("b", bodyId), rs -> {
			m.put(rs.getLong(1), rs.getString(2));
		});
		return m;
	}

	/** The yearly caps on visits to one enterprise: by one body, and by all bodies together. */
	public int[] caps() {
		return new int[] { capPerBody, capTotal };
	}

	/**
	 * Publishes the task's commitment ({@link InspectionPlans#commit}) and, in the same transaction, fixes each body's pool
	 * of inspectors: those certified for all its items' 执法领域 on the inspection day as it stands now. The draw takes
	 * from these only (those still certified on its day), so nobody can be added to the pool once the beacon, and with it
	 * the teams, can be computed.
	 */
	public Task commit(Operator op, long taskId, int version) {
		return tx.execute(s -> {
			Task t = plans.commit(op, taskId, version);
			LocalDate today = LocalDate.now(clock);
			LocalDate day = today.isBefore(t.startsOn()) ? t.startsOn() : today;
			Map<Long, String> names = new HashMap<>();
			t.items().forEach(i -> names.putIfAbsent(i.bodyId(), i.bodyName()));
			Map<Long, List<Long>> pools = new TreeMap<>();
			domains(t).forEach((body, codes) -> pools.put(body, certified(body, codes, day).stream().map(AuthorityDecision::officerId).sorted().toList()));
			pools.forEach((body, ids) -> {
				// refused now, with everything rolled back, rather than a task that can never be drawn
				if (ids.size() < 2) {
					throw new BusinessRuleViolation(names.get(body) + "在检查日（" + day + "）持有效执法证件（覆盖检查事项的执法领域）的人员只有 " + ids.size()
							+ " 名，不能组成检查组（每组至少两名执法人员），暂不能公布");
				}
			});
			jdbc.update("update insp_task set inspector_pools = :p where id = :id", Map.of("p", DrawRecord.poolText(pools), "id", taskId));
			Map<String, Object> payload = new TreeMap<>();
			pools.forEach((body, ids) -> payload.put(String.valueOf(body), ids));
			record.append(op, "insp_task", taskId, t.bodyId(), "inspection.inspectors_fixed", "公布时确定检查人员库："
					+ String.join("、", pools.entrySet().stream().map(e -> names.get(e.getKey()) + " " + e.getValue().size() + " 人").toList())
					+ "（抽取时只从中选派检查日证件仍有效者）", Map.of("inspectorPools", payload, "poolDay", day.toString()));
			return plans.task(DataScope.all(), taskId);
		});
	}

	/** The 执法领域 each body's items of the task need; an item withdrawn or without its matter is refused. */
	private Map<Long, Set<String>> domains(Task t) {
		Map<Long, Set<String>> domains = new LinkedHashMap<>();
		for (var ti : t.items()) {
			var item = items.find(ti.itemId()).orElseThrow();
			if (item.status() != InspectionItems.Status.PUBLISHED) {
				throw new BusinessRuleViolation("“" + item.name() + "”已从" + ti.bodyName() + "的随机抽查事项清单撤回，不能再随机抽查");
			}
			var matter = items.matter(item).orElseThrow(() -> new BusinessRuleViolation("“" + item.name() + "”已不在" + ti.bodyName() + "现行公布的执法事项目录中"));
			domains.computeIfAbsent(item.bodyId(), k -> new LinkedHashSet<>()).add(matter.domainCode());
		}
		return domains;
	}

	public Task draw(Operator op, long taskId) {
		Task t = plans.task(op.scope(), taskId);
		if (!op.holdsAnyRole(List.of("LEADER", "UNIT_ADMIN")) || !scopes.covers(op.scope(), t.bodyId())) {
			throw new AccessDeniedException("抽取由任务所属机关的负责人或单位管理员办理");
		}
		if (t.status() == TaskStatus.DRAWN) {
			String reason = "本任务已于 " + zhifa.shared.web.Formats.at(t.drawnAt()) + " 由" + zhifa.shared.web.Formats.name(t.drawnBy()) + "抽取，同一任务不能重复抽取";
			tx.executeWithoutResult(s -> record.appendRefusal(op, "重复抽取抽查任务 " + t.code(), reason, Map.of("task", t.code())));
			throw new BusinessRuleViolation(reason);
		}
		if (t.status() != TaskStatus.COMMITTED) {
			throw new BusinessRuleViolation("请先公布本任务的参数、对象名录和承诺值，再抽取");
		}
		// the beacon: fixed only after the commitment was recorded (an anchor made now covers that entry)
		if (LocalDate.now(clock).isAfter(t.endsOn())) {
			throw new BusinessRuleViolation("本任务的检查期间已于 " + t.endsOn() + " 结束，不能再抽取");
		}
		SignedAnchors.SignedAnchor beacon = anchors.firstCovering(t.anchorSeqAtCommit(), t.committedAt()).or(anchors::anchorNow)
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
			if (item.status() != InspectionItems.Status.PUBLISHED) {
				throw new BusinessRuleViolation("“" + item.name() + "”已从" + ti.bodyName() + "的随机抽查事项清单撤回，不能再随机抽查");
			}
			var matter = items.matter(item).orElseThrow(() -> new BusinessRuleViolation("“" + item.name() + "”已不在" + ti.bodyName() + "现行公布的执法事项目录中"));
			bodyItems.computeIfAbsent(item.bodyId(), k -> new ArrayList<>()).add(item);
			domains.computeIfAbsent(item.bodyId(), k -> new LinkedHashSet<>()).add(matter.domainCode());
			if (matterId == null && item.bodyId() == t.bodyId()) {
				matterId = matter.matterId();
			}
		}
		// who may inspect for each body on the day: a valid certificate for every domain of its items
		// from the pools fixed at the commitment, those still certified on the day (a task committed before pools were fixed: all certified)
		Optional<Map<Long, Set<Long>>> fixed = drawRecord.committedPools(t.id());
		Map<Long, Map<Long, AuthorityDecision>> pool = new HashMap<>();
		domains.forEach((body, codes) -> {
			Map<Long, AuthorityDecision> byId = new TreeMap<>();
			certified(body, codes, day).stream().filter(a -> fixed.map(f -> f.getOrDefault(body, Set.of()).contains(a.officerId())).orElse(true))
				.forEach(a -> byId.put(a.officerId(), a));
			pool.put(body, byId);
		});
		Map<Long, Integer> caps = new HashMap<>();
		pool.forEach((body, officers) -> caps.put(body, InspectorDraw.cap(picks.size(), officers.size())));
		Map<Long, Integer> taken = new HashMap<>();

		List<Long> caseIds = new ArrayList<>();
		int overCap = 0;
		// the inspectors are those certified on the first day; each visit is planned on its share of the period's working days
		List<LocalDate> planned = plannedDays(calendar.calendar(), day, t.endsOn(), picks.size());
		// the conflicts that kept inspectors off an enterprise, for the record (with them and the pools every team is recomputed)
		Map<String, Object> conflictsKept = new TreeMap<>();
		for (int n = 0; n < picks.size(); n++) {
			RandomDraw.Drawn d = picks.get(n);
			var object = objects.byUscc(d.uscc()).orElseThrow(() -> new BusinessRuleViolation("名录库中已无对象 " + d.uscc()));
			// conflicts declared before the commitment; later ones go through 回避 (nobody picks a team once the beacon is known)
			Set<Long> conflicted = new HashSet<>(jdbc.queryForList("select officer_id from insp_conflict where object_id = :o and declared_at <= :at",
					new MapSqlParameterSource().addValue("o", object.id()).addValue("at", Timestamp.from(t.committedAt())), Long.class));
			Map<Long, List<AuthorityDecision>> team = new LinkedHashMap<>();
			List<Long> kept = new ArrayList<>(new java.util.TreeSet<>(conflicted.stream()
				.filter(o -> pool.values().stream().anyMatch(officers -> officers.containsKey(o))).toList()));
			if (!kept.isEmpty()) {
				conflictsKept.put(d.uscc(), kept);
			}
			for (long body : bodyItems.keySet()) {
				List<Long> two = InspectorDraw.team(seed, body, d.uscc(), pool.get(body).keySet(), conflicted, taken, caps.get(body), picks.size() - n - 1);
				if (two.size() < 2) {
					throw new BusinessRuleViolation(bodyItems.get(body).get(0).bodyName() + (fixed.isPresent() ? "公布承诺值时确定的检查人员库中，检查日证件仍有效、" : "持有效执法证件（覆盖检查事项的执法领域）、")
							+ "与“" + object.name() + "”无利害关系的检查人员不足两名，不能组成检查组（国发〔2019〕5号、行政处罚法第四十二条：每组至少两名执法人员）");
				}
				team.put(body, two.stream().map(pool.get(body)::get).toList());
			}
			Map<String, Object> payload = new TreeMap<>();
			payload.put("task", t.code());
			payload.put("stratum", d.stratum());
			payload.put("rank", d.rank());
			NewVisit visit = newVisit(op, t.id(), t.bodyId(), object, matterId, Visits.Origin.RANDOM, null, d.stratum(), d.rank(), day, planned.get(n),
					"insp-" + t.code() + "-" + object.uscc(), "双随机抽查：" + t.code() + " " + t.name(), team, "inspection.visit_drawn",
					"随机抽中“" + object.name() + "”（" + d.stratum() + "类第" + d.rank() + "名）", payload);
			overCap += visit.overCap() ? 1 : 0;
			long caseId = visit.caseId();
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
		// what the teams are drawn from, so that each can be recomputed with the seed ({@link InspectorDraw})
		Map<String, Object> pools = new TreeMap<>();
		Map<String, Object> capsOut = new TreeMap<>();
		pool.forEach((body, officers) -> {
			pools.put(String.valueOf(body), List.copyOf(officers.keySet()));
			capsOut.put(String.valueOf(body), caps.get(body));
		});
		payload.put("inspectorPools", pools);
		payload.put("inspectorCaps", capsOut);
		payload.put("inspectorConflicts", conflictsKept);
		payload.put("poolsFixedAtCommit", fixed.isPresent());
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
			long chosen = InspectorDraw.replacement(seed, m.bodyId(), v.uscc(), eligible.stream().map(AuthorityDecision::officerId).toList());
			AuthorityDecision next = eligible.stream().filter(a -> a.officerId() == chosen).findFirst().orElseThrow();
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

	private record NewVisit(long visitId, long caseId, boolean overCap) {
	}

	/**
	 * One visit: the inspection case, the visit with its QR token and whether it is beyond the yearly caps, the team, the
	 * lead body's officers on the case, and the record entry. The case is opened on {@code day} (the draw's: evidence may
	 * be taken from then, an officer may go before the planned day), the visit planned on {@code plannedOn}.
	 */
	private NewVisit newVisit(Operator op, Long taskId, long bodyId, InspectionObjects.InspectionObject object, long matterId, Visits.Origin origin,
			String originReason, String stratum, Integer rank, LocalDate day, LocalDate plannedOn, String key, String description,
			Map<Long, List<AuthorityDecision>> team, String action, String summary, Map<String, Object> payload) {
		int year = plannedOn.getYear();
		int byBody = count("v.body_id = :b", object.uscc(), year, bodyId);
		int total = count("true", object.uscc(), year, bodyId);
		boolean beyond = byBody >= capPerBody || total >= capTotal;
		var registered = cases.register(new Cases.NewCase(InspectionKind.CODE, bodyId, matterId, VisitStage.PLANNED.name(), origin.name(), key,
				PartyType.ORGANIZATION, object.name(), null, "U:" + object.uscc(), object.uscc(), object.address(), object.regionId(), object.address(), day,
				null, description,
				LocalDate.now(clock), op.operatorName(), op.operatorKind() == Operator.Kind.USER ? op.operatorId() : null, false));
		long caseId = registered.id();
		long visitId = jdbc.queryForObject("""
				insert into insp_visit (task_id, case_id, object_id, uscc, body_id, stratum, rank, scan_token, planned_on, over_cap, origin, origin_reason)
				values (:task, :case, :object, :uscc, :body, :stratum, :rank, :token, :day, :over, :origin, :reason) returning id""",
				new MapSqlParameterSource().addValue("task", taskId).addValue("case", caseId).addValue("object", object.id()).addValue("uscc", object.uscc())
					.addValue("body", bodyId).addValue("stratum", stratum).addValue("rank", rank).addValue("token", token()).addValue("day", plannedOn)
					.addValue("over", beyond).addValue("origin", origin.name()).addValue("reason", originReason),
				Long.class);
		List<String> names = new ArrayList<>();
		team.forEach((body, members) -> {
			for (int i = 0; i < members.size(); i++) {
				jdbc.update("insert into insp_team_member (visit_id, body_id, officer_id, draw_order) values (:v, :b, :o, :n)",
						Map.of("v", visitId, "b", body, "o", members.get(i).officerId(), "n", i + 1));
				names.add(members.get(i).officerName());
			}
		});
		officers.assign(cases.get(DataScope.all(), caseId), team.get(bodyId).stream().map(AuthorityDecision::officerId).toList(), day);
		int proposed = merges.propose(visitId);
		Map<String, Object> data = new TreeMap<>(payload);
		if (proposed > 0) {
			data.put("mergeProposals", proposed);
		}
		data.put("uscc", object.uscc());
		data.put("inspectors", names);
		data.put("overCap", beyond);
		data.put("plannedOn", plannedOn.toString());
		caseRecord.append(cases.get(DataScope.all(), caseId), action, summary + "，检查人员：" + String.join("、", names)
				+ (beyond ? "；已达年度检查次数上限，须说明理由并经负责人批准后实施" : "")
				+ (proposed > 0 ? "；本季度其他部门也将检查该企业，已提出合并检查建议" : ""), data);
		return new NewVisit(visitId, caseId, beyond);
	}

	/** An inspection not drawn at random, as registered: its origin and reason, the enterprise, the body's items, the day and its inspectors. */
	public record Registration(Long bodyId, String origin, String reason, String uscc, List<Long> itemIds, LocalDate plannedOn, List<Long> officerIds) {
	}

	/**
	 * Registers an inspection not drawn at random (投诉举报、转办交办、专项检查…): the reason is kept, the head approves it
	 * before it is carried out, its inspectors are at least two of the body's officers certified for its items on the
	 * day and free of declared conflicts, and it counts toward the yearly caps.
	 */
	public long register(Operator op, Registration f) {
		long body = f.bodyId() != null ? f.bodyId() : op.bodyId() == null ? -1 : op.bodyId();
		if (!op.holdsAnyRole(List.of("OFFICER", "LEADER")) || !scopes.covers(op.scope(), body)) {
			throw new AccessDeniedException("检查由本机关执法人员登记");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Visits.Origin origin = null;
		try {
			origin = f.origin() == null ? null : Visits.Origin.valueOf(f.origin());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (origin == null || origin == Visits.Origin.RANDOM) {
			errors.put("origin", "请选择检查来源：投诉举报核查、转办交办移送、专项检查或其他");
		}
		zhifa.inspection.Fields.text(errors, "reason", "检查理由", f.reason(), 500);
		var object = f.uscc() == null ? java.util.Optional.<InspectionObjects.InspectionObject>empty() : objects.byUscc(f.uscc().strip().toUpperCase());
		if (object.isEmpty()) {
			errors.put("uscc", "检查对象名录库中没有这个统一社会信用代码，请先加入名录库");
		}
		LocalDate today = LocalDate.now(clock);
		if (f.plannedOn() == null || f.plannedOn().isBefore(today) || f.plannedOn().isAfter(today.plusYears(1))) {
			errors.put("plannedOn", "请填写计划检查日期（今天起一年以内）");
		}
		if (f.itemIds() != null && f.itemIds().stream().anyMatch(java.util.Objects::isNull) || f.officerIds() != null && f.officerIds().stream().anyMatch(java.util.Objects::isNull)) {
			throw new BusinessRuleViolation("检查事项或检查人员的选择有误，请重新选择");
		}
		List<InspectionItems.Item> chosen = new ArrayList<>();
		for (Long id : f.itemIds() == null ? List.<Long>of() : f.itemIds().stream().distinct().toList()) {
			items.find(id).filter(i -> i.bodyId() == body && i.status() == InspectionItems.Status.PUBLISHED).ifPresent(chosen::add);
		}
		if (chosen.isEmpty() || f.itemIds().stream().distinct().count() != chosen.size()) {
			errors.put("itemIds", "请选择本单位已公布的检查事项");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		Set<String> codes = new LinkedHashSet<>();
		Long matterId = null;
		for (var i : chosen) {
			var m = items.matter(i).orElseThrow(() -> new BusinessRuleViolation("“" + i.name() + "”已不在本单位现行公布的执法事项目录中"));
			codes.add(m.domainCode());
			matterId = matterId == null ? m.matterId() : matterId;
		}
		var target = object.get();
		Set<Long> conflicted = new HashSet<>(jdbc.queryForList("select officer_id from insp_conflict where object_id = :o", Map.of("o", target.id()),
				Long.class));
		Map<Long, AuthorityDecision> ok = new LinkedHashMap<>();
		certified(body, codes, f.plannedOn()).forEach(a -> ok.put(a.officerId(), a));
		List<AuthorityDecision> team = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (Long id : f.officerIds() == null ? List.<Long>of() : f.officerIds().stream().distinct().toList()) {
			var a = ok.get(id);
			String name = officers.nameAndBody(id).map(CaseOfficers.OfficerRef::name).orElse("编号" + id);
			if (a == null) {
				problems.add(name + "在检查日的执法证件不覆盖检查事项的执法领域或不是本机关人员");
			}
			else if (conflicted.contains(id)) {
				problems.add(name + "已申报与该企业有利害关系，应当回避");
			}
			else {
				team.add(a);
			}
		}
		if (problems.isEmpty() && team.size() < 2) {
			problems.add("检查人员不得少于两名持有效执法证件的人员");
		}
		if (!problems.isEmpty()) {
			throw BusinessRuleViolation.onField("officerIds", String.join("；", problems));
		}
		Visits.Origin o = origin;
		long mid = matterId;
		return tx.execute(s -> {
			NewVisit v = newVisit(op, null, body, target, mid, o, f.reason().strip(), null, null, f.plannedOn(), f.plannedOn(), "insp-" + o.name() + "-" + java.util.UUID
				.randomUUID(), o.label() + "：" + f.reason().strip(), Map.of(body, team), "inspection.visit_registered",
					"登记" + o.label() + "“" + target.name() + "”（" + f.reason().strip() + "），待负责人批准", Map.of("origin", o.name()));
			chosen.forEach(i -> jdbc.update("insert into insp_visit_item (visit_id, item_id) values (:v, :i)", Map.of("v", v.visitId(), "i", i.id())));
			return v.visitId();
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
