package zhifa.supervision.complaint.web;

import java.util.Map;

import zhifa.shared.BusinessRuleViolation;
import zhifa.supervision.complaint.ComplaintCategory;
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
