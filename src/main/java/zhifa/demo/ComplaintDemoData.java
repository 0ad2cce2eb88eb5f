package zhifa.demo;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import zhifa.shared.DataScope;
import zhifa.shared.Operator;
import zhifa.supervision.complaint.Complaint;
import zhifa.supervision.complaint.ComplaintCategory;
import zhifa.supervision.complaint.ComplaintChannel;
import zhifa.supervision.complaint.ComplaintForm;
import zhifa.supervision.complaint.Complaints;
import zhifa.supervision.complaint.Satisfaction;

/**
 * Complaints for 芒市司法局's supervisor: a 12345 work order about the market bureau waiting for its reply, a 涉企
 * complaint about the market bureau not yet assigned, and one about the urban-management bureau answered and closed with
 * the complainant satisfied. Complainants are invented and marked （演示）.
 */
@Component
class ComplaintDemoData {

	private final Complaints complaints;
	private final JdbcTemplate jdbc;

	ComplaintDemoData(Complaints complaints, JdbcTemplate jdbc) {
		this.complaints = complaints;
		this.jdbc = jdbc;
	}

	/** The platform acting for a body (the supervisor's or the replying body's), attributed to the demo in the record. */
	private static Operator actingFor(long bodyId) {
		return new Operator() {
			public Kind operatorKind() {
				return Kind.SYSTEM;
			}

			public Long operatorId() {
				return null;
			}

			public String operatorName() {
				return "演示数据";
			}

			public Long bodyId() {
				return bodyId;
			}

			public DataScope scope() {
				return DataScope.all();
			}
		};
	}

	void load(Map<String, Long> ids) {
		long justice = ids.get("司法局");
		long market = ids.get("市场监管局");
		long urban = ids.get("综合执法局");
		Operator supervisor = actingFor(justice);
		Long marketMatter = jdbc.queryForList("select id from matter_view where code = 'SJ-CF-001'", Long.class).stream().findFirst().orElse(null);
		Long marketCase = jdbc.queryForList("select min(id) from case_view where body_id = ?", Long.class, market).stream().findFirst().orElse(null);

		Complaint order = complaints.receive(supervisor, ComplaintChannel.HOTLINE, new ComplaintForm("GD5331032026000001", ComplaintCategory.COMPLAINT,
				true, null, market, marketMatter, null, "岩罕（演示）", "13988880001", null, "市场监管检查过于频繁（演示）",
				"本店一个月内被市场监管部门检查三次，每次检查内容相同，影响正常经营。（12345热线工单，演示）"), true).complaint();
		complaints.assign(supervisor, order.id(), order.version(), market, marketCase == null ? List.of() : List.of(marketCase));

		complaints.receive(supervisor, ComplaintChannel.LETTER, new ComplaintForm(null, ComplaintCategory.COMPLAINT, true, null, market, null, null,
				"芒市某某食品有限公司（演示）", "0692-2120001", null, "罚款后未说明理由（演示）",
				"企业被处以罚款，执法人员未告知陈述申辩的权利，请求监督。（涉企投诉，演示）"), true);

		Complaint resolved = complaints.receive(supervisor, ComplaintChannel.VISIT, new ComplaintForm(null, ComplaintCategory.REPORT, false, null, urban,
				null, null, "李某（演示）", "13988880003", "11010519491231002X", "占道经营执法态度粗暴（演示）",
				"城管执法人员在勐焕街道处置占道经营时言语粗暴。（演示）"), true).complaint();
		resolved = complaints.assign(supervisor, resolved.id(), resolved.version(), urban, List.of());
		resolved = complaints.reply(actingFor(urban), resolved.id(), resolved.version(),
				"经核查，涉事执法人员已作书面检查，本局已组织文明执法培训。（演示）");
		complaints.close(supervisor, resolved.id(), resolved.version(), Satisfaction.SATISFIED);
	}
}
