package zhifa.supervision.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

import zhifa.organization.Bodies;
import zhifa.organization.EnforcementBody;
import zhifa.shared.BodyScopes;
import zhifa.shared.DataScope;
import zhifa.shared.NotFound;

/**
 * 年度行政执法监督工作报告: a supervising unit's year assembled from the data — its plan's items and their progress, the
 * alerts raised and closed in its region, the supervision documents it issued and how they were answered, the
 * complaints it handled, the special supervision items and the decisions corrected in 复议 or 诉讼. Nothing is typed.
 */
@Service
public class SupervisionReport {

	private final zhifa.casework.DocumentRenderer renderer;

	public record Line(String label, long value, String note) {
	}

	public record Report(SupervisionPlans.Plan plan, String region, List<Line> lines) {
	}

	private final NamedParameterJdbcTemplate jdbc;
	private final SupervisionPlans plans;
	private final Bodies bodies;
	private final BodyScopes scopes;
	private final java.time.Clock clock;

	SupervisionReport(NamedParameterJdbcTemplate jdbc, SupervisionPlans plans, Bodies bodies, BodyScopes scopes, java.time.Clock clock,
			zhifa.casework.DocumentRenderer renderer) {
		this.renderer = renderer;
		this.clock = clock;
		this.jdbc = jdbc;
		this.plans = plans;
		this.bodies = bodies;
		this.scopes = scopes;
	}

	public Report of(DataScope viewer, long planId) {
		SupervisionPlans.Plan plan = plans.get(viewer, planId);
		EnforcementBody unit = bodies.find(DataScope.all(), plan.bodyId()).orElseThrow(() -> new NotFound("执法监督机构"));
		DataScope region = DataScope.regionSubtree(unit.id(), unit.regionPath());
		List<Long> ids = new ArrayList<>(scopes.visibleBodyIds(region));
		if (ids.isEmpty()) {
			ids.add(-1L);
		}
		LocalDate from = LocalDate.of(plan.year(), 1, 1);
		LocalDate to = LocalDate.of(plan.year(), 12, 31);
		Map<String, Object> p = Map.of("ids", ids, "from", from, "to", to, "y", plan.year(), "unit", unit.id(), "fromTs",
				java.sql.Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()), "toTs",
				java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
		List<Line> lines = new ArrayList<>();
		long items = plan.items().size();
		long done = plan.items().stream().filter(i -> i.progress() == SupervisionPlans.Progress.DONE).count();
		lines.add(new Line("监督计划事项", items, "已完成 " + done + " 项" + (plan.filed() ? "，" + plan.filedOn() + " 报备" + (plan.late() ? "（逾期）" : "") : "，尚未报备")));
		lines.add(new Line("案卷评查活动", count("select count(*) from sv_review_programme where body_id = :unit and created_at >= :fromTs and created_at < :toTs", p),
				"评查案卷 " + count("""
						select count(*) from sv_review_file f join sv_review_programme g on g.id = f.programme_id
						where g.body_id = :unit and g.created_at >= :fromTs and g.created_at < :toTs and f.status = 'FINAL'""", p) + " 件，其中不合格 " + count("""
						select count(*) from sv_review_file f join sv_review_programme g on g.id = f.programme_id
						where g.body_id = :unit and g.created_at >= :fromTs and g.created_at < :toTs and f.status = 'FINAL' and f.grade = '不合格'""", p) + " 件"));
		lines.add(new Line("监督预警", count("select count(*) from sv_alert where body_id in (:ids) and raised_on between :from and :to", p),
				"其中已核实关闭、误报或条件消除 " + count("""
						select count(*) from sv_alert where body_id in (:ids) and raised_on between :from and :to
						and state in ('VERIFIED_CLOSED', 'FALSE_ALARM', 'CONDITION_ENDED')""", p) + " 条"));
		lines.add(new Line("发出监督文书", count("select count(*) from sv_document where issuer_body_id = :unit and year = :y", p),
				"已答复 " + count("select count(*) from sv_document where issuer_body_id = :unit and year = :y and state in ('REPLIED', 'ACCEPTED')", p)
						+ " 件，整改验收 " + count("select count(*) from sv_document where issuer_body_id = :unit and year = :y and state = 'ACCEPTED'", p) + " 件"));
		lines.add(new Line("受理投诉举报", count("select count(*) from sv_complaint where supervising_body_id = :unit and received_on between :from and :to", p),
				"已办结 " + count("select count(*) from sv_complaint where supervising_body_id = :unit and received_on between :from and :to and status = 'CLOSED'", p)
						+ " 件"));
		lines.add(new Line("复议诉讼纠错的决定", count("""
				select count(*) from sv_act a where a.body_id in (:ids) and exists (
				  select 1 from jsonb_array_elements(coalesce(a.details -> 'remedies', '[]'::jsonb)) r
				  where r ->> 'outcome' in ('CHANGED', 'REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_INVALID')
				  and (r ->> 'endedOn')::date between :from and :to)""", p), "复议或诉讼于本年度变更、撤销、确认违法或无效的决定，均列入专项监督"));
		lines.add(new Line("专项监督事项", count("select count(*) from sv_special where body_id in (:ids) and created_at >= :fromTs and created_at < :toTs", p),
				"已办结 " + count("""
						select count(*) from sv_special where body_id in (:ids) and created_at >= :fromTs and created_at < :toTs and status = 'CLOSED'""", p)
						+ " 件"));
		lines.add(new Line("涉嫌犯罪案件移送", count("""
				select count(*) from sv_referral where kind = 'CRIMINAL' and body_id in (:ids) and reported_at >= :fromTs and reported_at < :toTs""", p),
				"已移送公安机关 " + count("""
						select count(*) from sv_referral where kind = 'CRIMINAL' and body_id in (:ids) and reported_at >= :fromTs and reported_at < :toTs
						and transferred_at is not null""", p) + " 件，负责人书面决定不移送 " + count("""
						select count(*) from sv_referral where kind = 'CRIMINAL' and body_id in (:ids) and reported_at >= :fromTs and reported_at < :toTs
						and decision = 'NOT_TRANSFER'""", p) + " 件"));
		return new Report(plan, unit.regionName(), lines);
	}

	/** The report as the document sent to the government (PDF, 公文 layout). */
	public byte[] pdf(DataScope viewer, long planId) {
		Report r = of(viewer, planId);
		List<zhifa.casework.PdfDocument.Part> parts = new ArrayList<>();
		parts.add(new zhifa.casework.PdfDocument.Block(null, "现将" + r.plan().year() + "年度" + r.region() + "行政执法监督工作情况报告如下（数据由一体化平台生成）。"));
		List<zhifa.casework.PdfDocument.Row> rows = new ArrayList<>();
		r.lines().forEach(l -> rows.add(new zhifa.casework.PdfDocument.Row(l.label(), l.value() + "：" + l.note(), null, 1)));
		parts.add(new zhifa.casework.PdfDocument.Block("一、主要数据", ""));
		parts.add(new zhifa.casework.PdfDocument.Table(rows));
		List<String> items = r.plan().items().stream().map(i -> i.title() + "（" + i.progress().label() + (i.progressNote() == null ? "" : "：" + i.progressNote()) + "）").toList();
		parts.add(new zhifa.casework.PdfDocument.Block("二、监督计划完成情况", items.isEmpty() ? "本年度监督计划未列事项。" : String.join("；", items) + "。"));
		return renderer.render(new zhifa.casework.PdfDocument.Content(r.plan().bodyName(), r.plan().year() + "年度行政执法监督工作报告", null, parts, r.plan().bodyName(),
				LocalDate.now(clock)), null).bytes();
	}

	private long count(String sql, Map<String, Object> p) {
		Long n = jdbc.queryForObject(sql, p, Long.class);
		return n == null ? 0 : n;
	}
}
