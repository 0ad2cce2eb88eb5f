package zhifa.organization;

import java.util.ArrayList;
import java.util.List;

/**
 * What a body's 执法文书 name (RULES.md §11): the 复议机关 and the 人民法院 of the remedies (行政处罚法第五十九条第五项),
 * where a fine is paid — a bank and account, or a payment channel (第五十九条第四项, 第六十七条 罚缴分离) — and the
 * contact person, telephone and address for the party's 陈述、申辩 and hearing request (第四十四条). Any may be
 * empty until the body's administrator enters it.
 */
public record DocumentDetails(String reviewOrgan, String court, String paymentBank, String paymentAccount, String paymentChannel,
		String contactPerson, String contactPhone, String contactAddress) {

	public static final DocumentDetails NONE = new DocumentDetails(null, null, null, null, null, null, null, null);

	/** Where to pay, in words: the bank and account, and/or the channel; {@code null} when neither is entered. */
	public String paymentWhere() {
		List<String> parts = new ArrayList<>();
		if (present(paymentBank)) {
			parts.add(paymentBank + (present(paymentAccount) ? "（账号 " + paymentAccount + "）" : ""));
		}
		if (present(paymentChannel)) {
			parts.add(paymentChannel);
		}
		return parts.isEmpty() ? null : String.join("或者", parts);
	}

	/** The fields a 行政处罚决定书 cannot do without, by label, when they are missing. */
	public List<String> missingForDecision() {
		List<String> missing = new ArrayList<>();
		if (!present(reviewOrgan)) {
			missing.add("行政复议机关");
		}
		if (!present(court)) {
			missing.add("管辖人民法院");
		}
		if (paymentWhere() == null) {
			missing.add("罚款缴纳银行及账号或缴款渠道");
		}
		return missing;
	}

	/** The fields a 行政处罚事先告知书 cannot do without, by label, when they are missing. */
	public List<String> missingForNotice() {
		List<String> missing = new ArrayList<>();
		if (!present(contactPerson)) {
			missing.add("联系人");
		}
		if (!present(contactPhone)) {
			missing.add("联系电话");
		}
		if (!present(contactAddress)) {
			missing.add("联系地址");
		}
		return missing;
	}

	private static boolean present(String s) {
		return s != null && !s.isBlank();
	}
}
