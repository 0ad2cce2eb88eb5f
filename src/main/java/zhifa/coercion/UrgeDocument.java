package zhifa.coercion;

import java.util.List;

import org.springframework.stereotype.Component;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseNumbers;
import zhifa.casework.DocumentTemplate;
import zhifa.casework.PartyType;
import zhifa.casework.PdfDocument;

/**
 * 催告书 (行政强制法第三十五条): the obligation and its deadline, how to perform it, the amount owed, and the party's right
 * to state and defend — for a case of any kind that has started 行政强制执行.
 */
@Component
class UrgeDocument implements DocumentTemplate {

	private final Enforcements enforcements;
	private final CaseNumbers numbers;
	private final zhifa.organization.OrganizationDirectory directory;

	UrgeDocument(Enforcements enforcements, CaseNumbers numbers, zhifa.organization.OrganizationDirectory directory) {
		this.directory = directory;
		this.enforcements = enforcements;
		this.numbers = numbers;
	}

	@Override
	public String type() {
		return "URGE";
	}

	@Override
	public String label() {
		return "催告书";
	}

	@Override
	public int order() {
		return 80;
	}

	@Override
	public boolean available(CaseFile c) {
		return enforcements.enforcement(c.id()).isPresent();
	}

	@Override
	public String number(CaseFile c, int year) {
		return numbers.next(c.bodyId(), "催告", year).text();
	}

	@Override
	public PdfDocument.Content content(CaseFile c, String number) {
		Enforcement e = enforcements.enforcement(c.id()).orElseThrow();
		String you = c.partyKind() == PartyType.ORGANIZATION ? "你单位" : "你";
		String issuer = directory.actingName(c.bodyId(), c.bodyName());
		// 第三十五条: the period, how to perform it and, for money, the amount and the way to pay it
		String where = directory.documentDetails(c.bodyId()).paymentWhere();
		String money = e.amount() == null || e.amount() <= 0 ? ""
				: "截至本催告书送达之日应缴金额共计" + zhifa.shared.Money.yuan(e.amount()) + "，加处罚款继续按日计算至缴清之日（不超过罚款数额），请缴至"
						+ (where == null ? "本机关指定的缴款渠道" : where) + "，并保存缴款凭证。";
		return new PdfDocument.Content(issuer, label(), number, List.of(new PdfDocument.Block(null, c.partyName() + "："),
				new PdfDocument.Block(null, "本机关" + e.obligation() + "，" + you + "至今未履行。"),
				new PdfDocument.Block(null, "根据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，请" + you + "自收到本催告书之日起十日内履行上述义务。" + money
						+ you + "有权进行陈述和申辩，可在上述期限内向本机关提出。逾期仍不履行的，本机关将依法强制执行或者申请人民法院强制执行。")),
				issuer + "（印章）", e.urgeServedOn());
	}
}
