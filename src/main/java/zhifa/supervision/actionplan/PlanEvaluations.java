package zhifa.supervision.actionplan;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.DocumentRenderer;
import zhifa.casework.PdfDocument;
import zhifa.organization.OrganizationDirectory;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * The mid-term and final evaluation reports of a plan (方案 三（四）: 中期评估 by end Oct 2024, 终期评估 by end Oct 2025),
 * generated from the tracked figures as a PDF (the 公文 layout, with each task's completion drawn as a bar of ■) and as a
 * Word document (.docx, with the completion chart as a picture and the table of items); both kept as generated.
 */
@Service
public class PlanEvaluations {

	public enum Kind {
		MIDTERM("中期评估报告"), FINAL("终期评估报告");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public record Evaluation(long id, Kind kind, String generatedBy, java.time.Instant generatedAt) {
	}

	private final ActionPlans plans;
	private final NamedParameterJdbcTemplate jdbc;
	private final DocumentRenderer renderer;
	private final OrganizationDirectory directory;
	private final FullProcessRecord record;
	private final Clock clock;

	PlanEvaluations(ActionPlans plans, NamedParameterJdbcTemplate jdbc, DocumentRenderer renderer, OrganizationDirectory directory, FullProcessRecord record,
			Clock clock) {
		this.plans = plans;
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.directory = directory;
		this.record = record;
		this.clock = clock;
	}

	@Transactional
	public Evaluation generate(Operator op, long planId, String kind) {
		if (!op.holdsAnyRole(List.of("SUPERVISOR")) || op.bodyId() == null) {
			throw new AccessDeniedException("评估报告由执法监督机构生成");
		}
		Kind k;
		try {
			k = Kind.valueOf(kind == null ? "" : kind);
		}
		catch (IllegalArgumentException e) {
			throw BusinessRuleViolation.onField("kind", "请选择中期评估或终期评估");
		}
		ActionPlans.Plan p = plans.get(op.scope(), planId);
		String issuer = directory.facts(op.bodyId()).orElseThrow().name();
		LocalDate today = LocalDate.now(clock);
		byte[] pdf = pdf(p, k, issuer, today);
		byte[] docx = docx(p, k, issuer, today);
		long id = jdbc.queryForObject("""
				insert into sv_action_evaluation (plan_id, kind, pdf, docx, generated_by, generated_at) values (:p, :k, :pdf, :docx, :by, :now) returning id""",
				new MapSqlParameterSource().addValue("p", planId).addValue("k", k.name()).addValue("pdf", pdf).addValue("docx", docx)
					.addValue("by", op.operatorName()).addValue("now", Timestamp.from(clock.instant())), Long.class);
		record.append(op, ActionPlans.SUBJECT, planId, op.bodyId(), "actionplan.evaluated", "生成" + k.label() + "（" + p.items() + " 个事项，已完成 " + p.done()
				+ "，逾期 " + p.late() + "）", Map.of("kind", k.name(), "done", p.done(), "late", p.late()));
		return evaluations(planId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
	}

	public List<Evaluation> evaluations(long planId) {
		return jdbc.query("select id, kind, generated_by, generated_at from sv_action_evaluation where plan_id = :p order by id desc", Map.of("p", planId),
				(rs, i) -> new Evaluation(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()));
	}

	/** The stored file: {@code pdf} or {@code docx}. */
	public byte[] file(long evaluationId, boolean pdf) {
		return jdbc.query("select " + (pdf ? "pdf" : "docx") + " from sv_action_evaluation where id = :id", Map.of("id", evaluationId), (rs, i) -> rs.getBytes(1))
			.stream().findFirst().orElseThrow(() -> new NotFound("评估报告"));
	}

	public Evaluation evaluation(long id) {
		return jdbc.query("select id, kind, generated_by, generated_at from sv_action_evaluation where id = :id", Map.of("id", id),
				(rs, i) -> new Evaluation(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant())).stream().findFirst()
			.orElseThrow(() -> new NotFound("评估报告"));
	}

	static int percent(ActionPlans.Task t) {
		return t.items().isEmpty() ? 0 : (int) Math.round(100.0 * t.items().stream().filter(i -> i.state() == ActionPlans.State.DONE).count() / t.items().size());
	}

	static String bar(int percent) {
		int full = Math.round(percent / 10f);
		return "■".repeat(full) + "□".repeat(10 - full) + " " + percent + "%";
	}

	private static String overall(ActionPlans.Plan p, LocalDate today) {
		return "截至 " + today + "，《" + p.title() + "》共 " + p.tasks().size() + " 项任务、" + p.items() + " 个事项，已完成 " + p.done() + " 个，逾期未完成 " + p.late()
				+ " 个。其中由平台数据计算完成情况的事项 " + p.tasks().stream().flatMap(t -> t.items().stream()).filter(ActionPlans.Item::computed).count()
				+ " 个，其余依据责任单位报告的进展。";
	}

	private byte[] pdf(ActionPlans.Plan p, Kind k, String issuer, LocalDate today) {
		List<PdfDocument.Part> parts = new ArrayList<>();
		parts.add(new PdfDocument.Block("总体情况", overall(p, today)));
		List<PdfDocument.Row> rows = new ArrayList<>();
		for (ActionPlans.Task t : p.tasks()) {
			rows.add(new PdfDocument.Row("任务" + t.number(), t.title() + "：" + bar(percent(t)) + (t.late() ? "，有逾期事项" : ""), null, 1));
		}
		parts.add(new PdfDocument.Block("各项任务完成率", "（每格代表10%）"));
		parts.add(new PdfDocument.Table(rows));
		List<String> data = new ArrayList<>();
		List<String> late = new ArrayList<>();
		for (ActionPlans.Task t : p.tasks()) {
			for (ActionPlans.Item i : t.items()) {
				if (i.computed()) {
					data.add("任务" + t.number() + "“" + i.title() + "”（时限 " + i.due() + "）：" + i.judged().detail());
				}
				if (i.late()) {
					late.add("任务" + t.number() + "“" + i.title() + "”（时限 " + i.due() + "，责任单位：" + i.responsible() + "）");
				}
			}
		}
		parts.add(new PdfDocument.Block("平台数据反映的完成情况", data.isEmpty() ? "无。" : String.join("；", data) + "。"));
		parts.add(new PdfDocument.Block("逾期未完成的事项", late.isEmpty() ? "无。" : String.join("；", late) + "。"));
		parts.add(new PdfDocument.Block("下一步工作", "对逾期未完成的事项，由市司法局督促责任单位限期完成并报告进展；相关情况纳入法治建设绩效考评和法治督察工作计划。"));
		return renderer.render(new PdfDocument.Content(issuer, p.title() + k.label(), null, parts, issuer, today), null).bytes();
	}

	private byte[] docx(ActionPlans.Plan p, Kind k, String issuer, LocalDate today) {
		try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XWPFParagraph title = doc.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			XWPFRun tr = title.createRun();
			tr.setBold(true);
			tr.setFontSize(18);
			tr.setText(p.title() + k.label());
			paragraph(doc, issuer + "　" + DocumentRenderer.chineseDate(today));
			heading(doc, "一、总体情况");
			paragraph(doc, overall(p, today));
			heading(doc, "二、各项任务完成率");
			XWPFParagraph pic = doc.createParagraph();
			pic.setAlignment(ParagraphAlignment.CENTER);
			pic.createRun().addPicture(new ByteArrayInputStream(chart(p)), Document.PICTURE_TYPE_PNG, "chart.png", Units.toEMU(450), Units.toEMU(200));
			paragraph(doc, "图1　各项任务的事项完成率（自左至右为任务1至任务" + p.tasks().get(p.tasks().size() - 1).number() + "，柱高为完成比例，红色为有逾期事项的任务）");
			XWPFTable table = doc.createTable(1, 5);
			String[] head = { "序号", "任务", "事项数", "已完成", "逾期" };
			for (int c = 0; c < head.length; c++) {
				table.getRow(0).getCell(c).setText(head[c]);
			}
			for (ActionPlans.Task t : p.tasks()) {
				var row = table.createRow();
				row.getCell(0).setText(String.valueOf(t.number()));
				row.getCell(1).setText(t.title());
				row.getCell(2).setText(String.valueOf(t.items().size()));
				row.getCell(3).setText(String.valueOf(t.items().stream().filter(i -> i.state() == ActionPlans.State.DONE).count()));
				row.getCell(4).setText(String.valueOf(t.items().stream().filter(ActionPlans.Item::late).count()));
			}
			heading(doc, "三、事项完成情况");
			for (ActionPlans.Task t : p.tasks()) {
				for (ActionPlans.Item i : t.items()) {
					paragraph(doc, "任务" + t.number() + "　" + i.title() + "（时限 " + i.due() + "；" + i.responsible() + "）：" + i.state().label()
							+ (i.late() ? "，逾期" : "") + (i.computed() ? "。平台数据：" + i.judged().detail() : i.reports().isEmpty() ? "。尚无单位报告进展"
									: "。" + i.reports().get(i.reports().size() - 1).bodyName() + "报告：" + i.reports().get(i.reports().size() - 1).note()));
				}
			}
			doc.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void heading(XWPFDocument doc, String text) {
		XWPFRun r = doc.createParagraph().createRun();
		r.setBold(true);
		r.setFontSize(14);
		r.setText(text);
	}

	private static void paragraph(XWPFDocument doc, String text) {
		XWPFRun r = doc.createParagraph().createRun();
		r.setFontSize(12);
		r.setText(text);
	}

	/** The completion chart: one bar per task, no text (the caption and the table carry the words; no system font needed). */
	static byte[] chart(ActionPlans.Plan p) {
		int n = Math.max(1, p.tasks().size());
		int w = 900;
		int h = 400;
		BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		try {
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.setColor(new Color(0xDDDDDD));
			for (int q = 0; q <= 4; q++) {
				int y = 20 + (h - 40) * q / 4;
				g.drawLine(20, y, w - 20, y);
			}
			int slot = (w - 40) / n;
			for (int i = 0; i < p.tasks().size(); i++) {
				ActionPlans.Task t = p.tasks().get(i);
				int bar = (h - 40) * percent(t) / 100;
				g.setColor(t.late() ? new Color(0xC0392B) : new Color(0x1F6FB2));
				g.fillRect(20 + i * slot + slot / 6, h - 20 - bar, slot * 2 / 3, Math.max(bar, 2));
			}
			g.setColor(Color.DARK_GRAY);
			g.drawLine(20, h - 20, w - 20, h - 20);
		}
		finally {
			g.dispose();
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(img, "png", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
