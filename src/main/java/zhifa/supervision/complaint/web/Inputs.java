package zhifa.supervision.complaint.web;

import java.util.Map;

import zhifa.shared.BusinessRuleViolation;
import zhifa.supervision.complaint.ComplaintCategory;
import zhifa.supervision.complaint.ComplaintChannel;
import zhifa.supervision.complaint.Satisfaction;

/** Codes as other systems and forms send them (the English code or its Chinese name); unknown ones are a field error. */
final class Inputs {

	private Inputs() {
	}

	/** {@code null} for an empty value (the form's own check then names it). */
	static ComplaintCategory category(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (ComplaintCategory c : ComplaintCategory.values()) {
			if (c.name().equalsIgnoreCase(value.strip()) || c.label().equals(value.strip())) {
				return c;
			}
		}
		throw BusinessRuleViolation.onField("category", "类别应为 COMPLAINT（投诉）或 REPORT（举报）");
	}

	/**
	 * How a complaint the supervisor registers came in: 来信, 来访 or 来电 (by name or label). Required on the form;
	 * {@code orUnstated} lets the API leave it out (registered as 登记, as before the way was asked).
	 */
	static ComplaintChannel registeredChannel(String value, boolean orUnstated) {
		if (value == null || value.isBlank()) {
			if (orUnstated) {
				return ComplaintChannel.FORM;
			}
			throw BusinessRuleViolation.onField("channel", "请选择投诉举报是怎样来的：来信、来访或来电");
		}
		for (ComplaintChannel c : ComplaintChannel.registrable()) {
			if (c.name().equalsIgnoreCase(value.strip()) || c.label().equals(value.strip())) {
				return c;
			}
		}
		throw BusinessRuleViolation.onField("channel", "渠道应为 LETTER（来信）、VISIT（来访）或 PHONE（来电）；网上投诉和12345工单由各自的入口接收");
	}

	static Satisfaction satisfaction(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (Satisfaction s : Satisfaction.values()) {
			if (s.name().equalsIgnoreCase(value.strip()) || s.label().equals(value.strip())) {
				return s;
			}
		}
		throw BusinessRuleViolation.onField("satisfaction", "满意度应为 SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 UNSATISFIED（不满意）");
	}

	static Map<String, Object> receipt(zhifa.supervision.complaint.Complaints.Receipt r) {
		return Map.of("id", r.complaint().id(), "receiptNo", r.complaint().receiptNo(), "status", r.complaint().status().name(), "created",
				r.created());
	}
}
