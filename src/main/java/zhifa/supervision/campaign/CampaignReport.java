package zhifa.supervision.campaign;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.casework.DocumentRenderer;
import zhifa.casework.PdfDocument;
import zhifa.shared.Operator;

/**
 * 专项监督情况报告 to the city government (方案任务5: 2024年10月底市司法局联合市级有关单位组织开展专项监督，并将专项监督情况报告市人民政府),
 * generated from the campaign's duties: who listed and reported on time, the problems by category, how many are rectified,
 * the overdue rectifications and the bodies that have not reported.
 */
@Component
public class CampaignReport {

	private final Campaigns campaigns;
	private final DocumentRenderer renderer;
	private final Clock clock;

	CampaignReport(Campaigns campaigns, DocumentRenderer renderer, Clock clock) {
		this.campaigns = campaigns;
		this.renderer = renderer;
		this.clock = clock;
	}

	public byte[] pdf(Operator op, long campaignId) {
		Campaigns.Campaign c = campaigns.campaign(campaignId);
		List<Campaigns.Duty> duties = campaigns.duties(op, campaignId);
		LocalDate today = LocalDate.now(clock);
		long listed = duties.stream().filter(Campaigns.Duty::listSubmitted).count();
		long listedOnTime = duties.stream().filter(d -> d.listSubmitted() && !d.listSubmittedOn().isAfter(c.listDue())).count();
		long reported = duties.stream().filter(Campaigns.Duty::reported).count();
		long reportedOnTime = duties.stream().filter(d -> d.reported() && !d.reportedOn().isAfter(c.reportDue())).count();
		List<Campaigns.Problem> problems = duties.stream().flatMap(d -> d.problems().stream()).toList();
		long rectified = problems.stream().filter(p -> p.rectifiedOn() != null).count();
		List<PdfDocument.Part> parts = new ArrayList<>();
		parts.add(new PdfDocument.Block("市人民政府：", ""));
		// the three-year plan (2023—2025) ordered the campaigns of its years; a later one is not done under it
		String under = c.listDue().getYear() <= 2025 ? "按照《芒市提升行政执法质量三年行动工作方案（2023—2025年）》任务5的部署，" : "按照工作部署，";
		parts.add(new PdfDocument.Block(null, under + c.leadBodyName() + "组织开展了“" + c.title()
				+ "”，并联合市级有关单位开展专项监督。现将有关情况报告如下。"));
		parts.add(new PdfDocument.Block("一、清单和方案报送情况", "纳入本次专项整治的执法单位 " + duties.size() + " 个，已报送突出问题清单和整改工作方案 " + listed + " 个（其中 "
				+ listedOnTime + " 个在 " + c.listDue() + " 前报送），已报送专项整治情况 " + reported + " 个（其中 " + reportedOnTime + " 个在 " + c.reportDue() + " 前报送）。"));
		Map<String, long[]> byCategory = new LinkedHashMap<>();
		c.categories().forEach(x -> byCategory.put(x, new long[2]));
		problems.forEach(p -> {
			long[] n = byCategory.computeIfAbsent(p.category(), k -> new long[2]);
			n[0]++;
			if (p.rectifiedOn() != null) {
				n[1]++;
			}
		});
		List<PdfDocument.Row> rows = new ArrayList<>();
		byCategory.forEach((k, n) -> rows.add(new PdfDocument.Row(k, "梳理问题 " + n[0] + " 个，已整改 " + n[1] + " 个", null, 1)));
		parts.add(new PdfDocument.Block("二、突出问题及整改情况", "共梳理突出问题 " + problems.size() + " 个，已整改 " + rectified + " 个，整改率 "
				+ (problems.isEmpty() ? "—" : Math.round(100.0 * rectified / problems.size()) + "%") + "。按类别："));
		parts.add(new PdfDocument.Table(rows));
		List<String> late = new ArrayList<>();
		for (Campaigns.Duty d : duties) {
			d.problems().stream().filter(p -> p.lateOn(today)).forEach(p -> late.add(d.bodyName() + "“" + p.manifestation() + "”（时限 " + p.deadline() + "）"));
		}
		List<String> lateDone = new ArrayList<>();
		for (Campaigns.Duty d : duties) {
			d.problems().stream().filter(Campaigns.Problem::rectifiedLate)
				.forEach(p -> lateDone.add(d.bodyName() + "“" + p.manifestation() + "”（时限 " + p.deadline() + "，" + p.rectifiedOn() + " 整改）"));
		}
		parts.add(new PdfDocument.Block("三、逾期未完成整改的问题", (late.isEmpty() ? "无。" : String.join("；", late) + "。")
				+ (lateDone.isEmpty() ? "" : "逾期完成整改的：" + String.join("；", lateDone) + "。")));
		List<String> missing = duties.stream().filter(d -> !d.listSubmitted() || !d.reported())
			.map(d -> d.bodyName() + (d.listSubmitted() ? "（未报送专项整治情况）" : "（未报送问题清单和整改方案）")).toList();
		parts.add(new PdfDocument.Block("四、未按要求报送的单位", missing.isEmpty() ? "无。" : String.join("、", missing) + "。已纳入法治督察，督促限期报送。"));
		parts.add(new PdfDocument.Block("五、下一步工作", "对逾期未整改的问题和未报送的单位，通过监督文书督促整改，整改情况纳入法治建设绩效考评；常态化开展行政执法突出问题专项整治。"));
		return renderer.render(new PdfDocument.Content(c.leadBodyName(), "关于" + c.title() + "专项监督情况的报告", null, parts, c.leadBodyName(), today), null).bytes();
	}
}
