package zhifa.officer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.shared.Operator;
import zhifa.shared.Todo;
import zhifa.shared.TodoSource;

/**
 * The officers on the home pages: an officer without a usable certificate learns that he may not enforce yet and sees
 * his open qualification exams; the unit administrator the certificates expiring within six months and the officers
 * below the year's training hours; the supervisor the bodies below the staffing or training targets.
 */
@Component
class OfficerTodos implements TodoSource {

	private final NamedParameterJdbcTemplate jdbc;
	private final Certificates certificates;
	private final Compliance compliance;
	private final Officers officers;
	private final Exams exams;
	private final java.time.Clock clock;
	private final Qualifications qualifications;
	private final zhifa.shared.BodyScopes scopes;

	private static final java.time.format.DateTimeFormatter MINUTE = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(java.time.ZoneId.of("Asia/Shanghai"));

	OfficerTodos(NamedParameterJdbcTemplate jdbc, Certificates certificates, Compliance compliance, Officers officers, Exams exams, java.time.Clock clock,
			Qualifications qualifications, zhifa.shared.BodyScopes scopes) {
		this.qualifications = qualifications;
		this.scopes = scopes;
		this.clock = clock;
		this.jdbc = jdbc;
		this.certificates = certificates;
		this.compliance = compliance;
		this.officers = officers;
		this.exams = exams;
	}

	@Override
	public List<Todo> todos(Operator me, LocalDate today) {
		List<Todo> lists = new ArrayList<>();
		if (TodoSource.holds(me, "OFFICER")) {
			qualification(me, today).ifPresent(lists::add);
		}
		if (TodoSource.holds(me, "UNIT_ADMIN")) {
			var expiring = certificates.expiringSoon(me.scope());
			lists.add(new Todo("UNIT_ADMIN", 20, "6个月内到期的执法证件", expiring.size(), "/certificates",
					expiring.stream().map(c -> new Todo.Item(c.officerName(), c.number() + "，" + c.validTo() + " 到期", "/certificates/" + c.id(),
							!c.validTo().isAfter(today.plusMonths(1)))).toList()));
			if (me.bodyId() != null) {
				List<Todo.Item> below = new ArrayList<>();
				for (var line : compliance.drillDown(me.scope(), me.bodyId(), today.getYear(), officers, certificates)) {
					if (line.officer().inEnforcementPost() && line.hours() != null && !line.hours().complete()) {
						below.add(new Todo.Item(line.officer().name(), "已学" + line.hours().total().stripTrailingZeros().toPlainString() + "学时，"
								+ line.hours().shortfall(), "/officers/" + line.officer().id(), compliance.pastCompletionDue(today.getYear())));
					}
				}
				lists.add(new Todo("UNIT_ADMIN", 30, "本年度培训学时未达标的人员", below.size(), "/compliance/bodies/" + me.bodyId(), below));
			}
			var qualified = qualifications.qualifiedWithoutApplication(me.scope());
			lists.add(new Todo("UNIT_ADMIN", 15, "考试合格、待申领执法证件的人员", qualified.size(), "/certificates",
					qualified.stream().map(o -> new Todo.Item(o.name(), "已通过执法资格考试，尚未申领执法证件", "/officers/" + o.id(), false)).toList()));
		}
		if (TodoSource.holds(me, "SUPERVISOR")) {
			// a lower justice bureau's review is its own to do: the prefecture's supervisor sees it in the list, not as hers
			var direct = scopes.directlySupervisedBodyIds(me.scope());
			var pending = certificates.pending(me.scope()).stream().filter(c -> direct.contains(c.bodyId())).toList();
			lists.add(new Todo("SUPERVISOR", 25, "待审核的执法证件申领", pending.size(), "/certificates",
					pending.stream().map(c -> new Todo.Item(c.officerName() + "（" + c.bodyName() + "）", c.status().label(), "/certificates/" + c.id(), false)).toList()));
		}
		if (TodoSource.holds(me, "SUPERVISOR")) {
			List<Todo.Item> gaps = new ArrayList<>();
			for (var b : compliance.figures(me.scope(), today.getYear())) {
				List<String> why = new ArrayList<>();
				if (b.officers() > b.certified()) {
					why.add((b.officers() - b.certified()) + "人无有效执法证");
				}
				if (b.officers() > b.trainingComplete() && compliance.pastCompletionDue(today.getYear())) {
					why.add((b.officers() - b.trainingComplete()) + "人培训未达标");
				}
				if (b.supervisionGap()) {
					why.add("执法监督人员" + b.supervisionStaff() + "人，应为" + b.supervisionMin() + "至" + b.supervisionMax() + "人");
				}
				if (b.reviewerGap()) {
					why.add("法制审核人员" + b.legalReviewers() + "人，应不少于" + b.legalReviewersTarget() + "人");
				}
				if (!why.isEmpty()) {
					gaps.add(new Todo.Item(b.bodyName(), String.join("；", why), "/compliance/bodies/" + b.bodyId(), false));
				}
			}
			lists.add(new Todo("SUPERVISOR", 30, "人员配备或培训未达标的执法主体", gaps.size(), "/compliance", gaps));
		}
		return lists;
	}

	/**
	 * For an officer with no usable certificate: that he may not enforce, and the exams open to him — each linked to its
	 * place on his own exam page (/exams/{id} is the organisers' page, which he may not open).
	 */
	private java.util.Optional<Todo> qualification(Operator me, LocalDate today) {
		List<Long> ids = jdbc.queryForList("select id from officer where user_id = :u", Map.of("u", me.operatorId()), Long.class);
		if (ids.isEmpty()) {
			return java.util.Optional.empty();
		}
		long officerId = ids.get(0);
		var officer = officers.find(zhifa.shared.DataScope.all(), officerId);
		if (officer.map(Officer::police).orElse(false)) {
			return java.util.Optional.empty();
		}
		var usable = certificates.ofOfficer(officerId).stream().filter(c -> c.usableOn(today)).findFirst();
		if (usable.isPresent()) {
			// his own certificate running out, and his own training hours: what the unit's administrator is told, told to him too
			List<Todo.Item> own = new ArrayList<>();
			var c = usable.get();
			if (!c.validTo().isAfter(today.plusMonths(6))) {
				own.add(new Todo.Item("我的执法证件 " + c.number(), c.validTo() + " 到期，请及早向单位管理员申请换发", "/officers/" + officerId,
						!c.validTo().isAfter(today.plusMonths(1))));
			}
			officer.ifPresent(o -> compliance.drillDown(zhifa.shared.DataScope.all(), o.bodyId(), today.getYear(), officers, certificates).stream()
				.filter(line -> line.officer().id() == officerId && line.officer().inEnforcementPost() && line.hours() != null && !line.hours().complete()).findFirst()
				.ifPresent(line -> own.add(new Todo.Item("本年度培训学时", "已学" + line.hours().total().stripTrailingZeros().toPlainString() + "学时，"
						+ line.hours().shortfall(), "/officers/" + officerId, compliance.pastCompletionDue(today.getYear())))));
			return own.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(new Todo("OFFICER", 5, "我的执法资格", own.size(), "/officers/" + officerId, own));
		}
		List<Todo.Item> items = new ArrayList<>();
		items.add(new Todo.Item("尚未取得有效的行政执法证件", "取得证件前不得独立从事行政执法活动，不能被选为办案人员", "/officers/" + officerId, true));
		qualifications.nextStep(officerId).ifPresent(next -> items.add(new Todo.Item("下一步：执法证件", next, "/officers/" + officerId, false)));
		java.time.Instant now = clock.instant();
		var mine = exams.examsOf(officerId);
		java.util.Set<Long> handedIn = exams.papersOf(officerId).stream().filter(p -> p.submittedAt() != null).map(Exams.Paper::examId)
			.collect(java.util.stream.Collectors.toSet());
		for (var e : mine.isEmpty() ? exams.exams(me.scope()) : mine) {
			// an exam he has handed in is not open to him any more
			if (e.closesAt().isAfter(now) && !handedIn.contains(e.id())) {
				items.add(new Todo.Item(e.title(), (e.openAt(now) ? "正在开放" : "尚未开始") + "，" + MINUTE.format(e.closesAt()) + " 截止"
						+ (mine.isEmpty() ? "；请联系单位管理员报名" : ""), "/exams#exam-" + e.id(), false));
			}
		}
		return java.util.Optional.of(new Todo("OFFICER", 5, "执法资格", items.size(), "/exams", items));
	}
}
