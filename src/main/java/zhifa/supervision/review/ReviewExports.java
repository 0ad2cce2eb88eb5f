package zhifa.supervision.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import zhifa.casework.DocumentRenderer;
import zhifa.casework.PdfDocument;
import zhifa.shared.Excel;

/** A programme's results as a workbook (files and bodies) and as the report PDF the lead unit sends. */
@Component
public class ReviewExports {

	private final CaseFileReviews reviews;
	private final ReviewFiles reviewFiles;
	private final Rubrics rubrics;
	private final ReviewScoring scoring;
	private final DocumentRenderer renderer;
	private final Clock clock;

	ReviewExports(CaseFileReviews reviews, ReviewFiles reviewFiles, Rubrics rubrics, ReviewScoring scoring, DocumentRenderer renderer, Clock clock) {
		this.reviews = reviews;
		this.reviewFiles = reviewFiles;
		this.rubrics = rubrics;
		this.scoring = scoring;
		this.renderer = renderer;
		this.clock = clock;
	}

	public byte[] workbook(CaseFileReviews.Programme p) {
		Rubric rubric = rubrics.rubric(p.rubricId()).rubric();
		List<String> grades = ReviewScoring.grades(rubric);
		List<List<Object>> files = new ArrayList<>();
		for (var f : reviewFiles.files(p.id())) {
			files.add(List.of(f.bodyName(), f.caseNumber(), f.matterName() == null ? "" : f.matterName(), f.status().label(),
					f.total() == null ? "" : f.total(), f.grade() == null ? "" : f.grade(),
					f.vetoes().stream().map(rubric::text).collect(Collectors.joining("；")),
					f.scores().stream().map(s -> s.name() + "（" + s.bodyName() + "）" + (s.submitted() ? s.total() + "分 " + s.grade() : "未提交"))
						.collect(Collectors.joining("；")),
					f.resolution() == null ? "" : f.resolution()));
		}
		List<String> bodyHeaders = new ArrayList<>(List.of("名次", "执法主体", "抽取案卷", "已出结果", "合格率", "平均分"));
		bodyHeaders.addAll(grades);
		List<List<Object>> bodies = new ArrayList<>();
		for (var r : scoring.results(p.id(), grades)) {
			List<Object> row = new ArrayList<>(List.of(r.rank() == 0 ? "" : r.rank(), r.bodyName(), r.files(), r.finished(),
					Double.isNaN(r.passRate()) ? "" : Excel.percent(java.math.BigDecimal.valueOf(r.passRate()).setScale(1, java.math.RoundingMode.HALF_UP)),
					Double.isNaN(r.average()) ? "" : java.math.BigDecimal.valueOf(r.average()).setScale(1, java.math.RoundingMode.HALF_UP)));
			grades.forEach(g -> row.add(r.grades().getOrDefault(g, 0)));
			bodies.add(row);
		}
		return Excel.workbook(List.of(
				new Excel.SheetData("案卷", List.of("执法主体", "案号", "执法事项", "状态", "得分", "等次", "否决项", "评查意见", "组长裁定"), files),
				new Excel.SheetData("单位排名", bodyHeaders, bodies)));
	}

	public byte[] report(CaseFileReviews.Programme p) {
		Rubric rubric = rubrics.rubric(p.rubricId()).rubric();
		List<String> grades = ReviewScoring.grades(rubric);
		var files = reviewFiles.files(p.id());
		var results = scoring.results(p.id(), grades);
		List<PdfDocument.Part> parts = new ArrayList<>();
		parts.add(new PdfDocument.Block("评查概况", "按照“" + p.title() + "”的安排，" + p.bodyName() + "依据" + p.rubricLabel() + "，从" + p.auditedNames() + "于 "
				+ p.closedFrom() + " 至 " + p.closedTo() + " 结案的案件中按 " + p.ratio().movePointRight(2).stripTrailingZeros().toPlainString()
				+ "% 的比例公开抽取案卷 " + files.size() + " 件（承诺值 " + p.commitment() + "，信标为第" + p.beaconSeq() + "号签名锚定，结果摘要 " + p.resultDigest()
				+ "），每卷由 " + p.perFile() + " 名非本单位人员交叉评查。"));
		long done = files.stream().filter(f -> f.status() == CaseFileReviews.FileStatus.FINAL).count();
		StringBuilder g = new StringBuilder("已出结果 " + done + " 件");
		for (String grade : grades) {
			long n = files.stream().filter(f -> grade.equals(f.grade())).count();
			g.append("，").append(grade).append(" ").append(n).append(" 件");
		}
		parts.add(new PdfDocument.Block("评查结果", g + "。"));
		List<PdfDocument.Row> rows = new ArrayList<>();
		for (var r : results) {
			rows.add(new PdfDocument.Row((r.rank() == 0 ? "—" : "第" + r.rank() + "名"), r.bodyName() + "：抽取 " + r.files() + " 件，合格率 " + (Double.isNaN(r.passRate()) ? "—" : String.format("%.0f%%", r.passRate())) + "，平均 "
					+ (Double.isNaN(r.average()) ? "—" : String.format("%.1f", r.average())) + " 分；" + grades.stream().map(x -> x + " " + r.grades().getOrDefault(x, 0))
						.collect(Collectors.joining("，")), null, 1));
		}
		if (!rows.isEmpty()) {
			parts.add(new PdfDocument.Block("各单位排名", ""));
			parts.add(new PdfDocument.Table(rows));
		}
		List<String> problems = new ArrayList<>();
		for (var f : files) {
			if (f.status() == CaseFileReviews.FileStatus.FINAL && (f.grade().equals(Rubric.FAIL) || !f.vetoes().isEmpty())) {
				problems.add(f.bodyName() + " " + f.caseNumber() + "：" + f.total() + " 分，" + f.grade()
						+ (f.vetoes().isEmpty() ? "" : "（" + f.vetoes().stream().map(rubric::text).collect(Collectors.joining("、")) + "）"));
			}
		}
		long rectifications = files.stream().filter(f -> f.documentId() != null).count();
		parts.add(new PdfDocument.Block("不合格案卷", problems.isEmpty() ? "无。" : String.join("；", problems) + "。"
				+ (rectifications == 0 ? "尚未发出整改通知。" : "已就 " + rectifications + " 份案卷发出整改通知，要求相关单位整改。")));
		return renderer.render(new PdfDocument.Content(p.bodyName(), "案卷评查情况报告", p.code(), parts, p.bodyName(), LocalDate.now(clock)), null).bytes();
	}
}
