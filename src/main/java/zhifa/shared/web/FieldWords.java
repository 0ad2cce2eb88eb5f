package zhifa.shared.web;

import java.util.Map;
import java.util.Optional;

/**
 * The names of common form fields and address parameters as a user knows them, for the pages that can only name a
 * field by what was sent (a refused address, a form refused before any page could show it).
 */
public final class FieldWords {

	private FieldWords() {
	}

	private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("year", "年份"), Map.entry("page", "页码"), Map.entry("from", "起始日期"),
			Map.entry("to", "截止日期"), Map.entry("date", "日期"), Map.entry("month", "月份"), Map.entry("size", "每页条数"), Map.entry("q", "查询内容"),
			Map.entry("title", "标题"), Map.entry("content", "内容"), Map.entry("complainantName", "姓名或企业名称"), Map.entry("subjectBody", "被投诉的单位或执法人员"),
			Map.entry("phone", "联系电话"), Map.entry("idNumber", "身份证号"), Map.entry("receiptNo", "受理编号"), Map.entry("reason", "理由"),
			Map.entry("note", "备注"), Map.entry("name", "名称"), Map.entry("opinion", "意见"), Map.entry("place", "地点"), Map.entry("placeDetail", "详细地点"),
			Map.entry("description", "情况描述"), Map.entry("partyName", "当事人"), Map.entry("partyAddress", "当事人地址"), Map.entry("partyIdNumber", "当事人身份证号"),
			Map.entry("partyUscc", "统一社会信用代码"), Map.entry("uscc", "统一社会信用代码"), Map.entry("documentNumber", "文书编号"), Map.entry("facts", "事实"),
			Map.entry("basis", "依据"), Map.entry("measures", "措施"), Map.entry("conclusion", "结论"), Map.entry("explanation", "说明"),
			Map.entry("answer", "答复"), Map.entry("reply", "答复"), Map.entry("username", "用户名"), Map.entry("text", "内容"),
			Map.entry("number", "编号"), Map.entry("certificateNumber", "执法证号"));

	/** The field's name in words, when it is a common one. */
	public static Optional<String> of(String field) {
		return Optional.ofNullable(field == null ? null : WORDS.get(field));
	}
}
