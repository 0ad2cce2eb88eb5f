package zhifa.supervision.complaint;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.IdNumber;

/**
 * A complaint as it is taken in, from any channel: who complains (name, phone, optionally the ID number), about which
 * body, matter or case, and what. {@link #problems()} names every wrong field at once, in Chinese.
 *
 * @param hotlineOrderNo the 12345 work-order number (工单编号), only for orders from the hotline
 * @param supervisingBodyId the 监督机构 that takes the complaint in (for the public page: the one the citizen chose)
 */
public record ComplaintForm(String hotlineOrderNo, ComplaintCategory category, Boolean enterpriseRelated, Long supervisingBodyId,
		Long subjectBodyId, Long matterId, Long caseId, String complainantName, String phone, String idNumber, String title,
		String content) {

	/** The body or officer complained about, as the public form's own field puts it before the content (at most 100 characters). */
	private static final Pattern SUBJECT = Pattern.compile("^【被投诉单位：[^】]{1,100}】");

	/** The content with the body or officer complained about in front, as the complaint keeps it: "【被投诉单位：……】……". */
	public static String withSubject(String subjectBody, String content) {
		return subjectBody == null || subjectBody.isBlank() || content == null || content.isBlank() ? content
				: "【被投诉单位：" + subjectBody.strip().replace("】", "]") + "】" + content.strip();
	}

	static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");
	static final Pattern ORDER_NO = Pattern.compile("[A-Za-z0-9-]{4,60}");

	/** Every wrong field with its Chinese reason (empty when the form is good). */
	public Map<String, String> problems() {
		Map<String, String> p = new LinkedHashMap<>();
		if (!blank(hotlineOrderNo) && !ORDER_NO.matcher(hotlineOrderNo.strip()).matches()) {
			p.put("orderNo", "工单编号应为4至60位字母、数字或连字符");
		}
		if (category == null) {
			p.put("category", "请选择投诉或举报");
		}
		if (blank(complainantName)) {
			p.put("complainantName", "请填写投诉举报人姓名");
		}
		else if (complainantName.strip().length() > 100) {
			p.put("complainantName", "姓名不超过100个字");
		}
		if (blank(phone)) {
			p.put("phone", "请填写联系电话");
		}
		else if (!PHONE.matcher(phone(phone)).matches()) {
			p.put("phone", "联系电话应为11位手机号或带区号的固定电话");
		}
		if (!blank(idNumber)) {
			IdNumber.problem(idNumber.strip().toUpperCase()).ifPresent(why -> p.put("idNumber", why));
		}
		if (blank(title)) {
			p.put("title", "请填写标题");
		}
		else if (title.strip().length() > 200) {
			p.put("title", "标题不超过200个字");
		}
		if (blank(content)) {
			p.put("content", "请填写投诉举报内容");
		}
		else if (SUBJECT.matcher(content.strip()).replaceFirst("").length() > 5000) {
			// the 5,000 are what was typed as the content; the body named in its own field comes on top
			p.put("content", "内容不超过5000个字");
		}
		return p;
	}

	/** Throws the problems as one 400 (every field named), or returns. */
	public void check() {
		Map<String, String> p = problems();
		if (!p.isEmpty()) {
			throw new BusinessRuleViolation("投诉举报有 " + p.size() + " 处需要更正：" + String.join("；", p.values()), p);
		}
	}

	/** {@code 138****5678}; a landline keeps its area code and last 4 digits. */
	/** A phone number as kept: without the spaces people type between its groups (139 0692 5566). */
	public static String phone(String phone) {
		return phone == null ? null : phone.replaceAll("\\s", "");
	}

	public static String maskPhone(String phone) {
		String p = phone.strip();
		if (p.length() <= 7) {
			return "****";
		}
		return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
	}

	static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
