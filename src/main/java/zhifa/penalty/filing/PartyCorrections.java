package zhifa.penalty.filing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseRecord;
import zhifa.casework.Cases;
import zhifa.casework.PartyType;
import zhifa.penalty.CaseStage;
import zhifa.penalty.PenaltyActions;
import zhifa.penalty.PenaltyCase;
import zhifa.penalty.PenaltyCases;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.DataScope;

/** 更正当事人信息: the one step that changes who a penalty case is against, before the notice names him. */
@Service
public class PartyCorrections {

	private final PenaltyCases penaltyCases;
	private final Cases cases;
	private final CaseKinds kinds;
	private final CaseRecord record;
	private final PartyIdentity parties;

	PartyCorrections(PenaltyCases penaltyCases, Cases cases, CaseKinds kinds, CaseRecord record, PartyIdentity parties) {
		this.penaltyCases = penaltyCases;
		this.cases = cases;
		this.kinds = kinds;
		this.record = record;
		this.parties = parties;
	}

	/**
	 * 更正当事人信息: the party's kind, name and number as found on checking, before the notice names the party (from
	 * then on a correction needs a new notice), and the party's address until the decision (the decision prints it; the
	 * notice does not; after the decision only an address never recorded may be filled in, see {@link #refusals}). A number left empty with the kind unchanged stays as it is (a natural person's is kept encrypted
	 * and cannot be shown for editing), and so does an empty address. The reason is required and the record keeps both
	 * versions, the numbers masked.
	 */
	@Transactional
	public PenaltyCase correct(DataScope scope, long id, PartyType kind, String name, String idNumber, String uscc, String address, String reason) {
		PenaltyCase c = penaltyCases.get(scope, id);
		kinds.require(c.file(), PenaltyActions.PARTY);
		Map<String, String> errors = new LinkedHashMap<>();
		if (kind == null) {
			errors.put("partyKind", "请选择当事人类型");
		}
		if (name == null || name.isBlank()) {
			errors.put("partyName", "请填写当事人名称或姓名");
		}
		else if (name.strip().length() > 200) {
			errors.put("partyName", "当事人名称或姓名不超过200字");
		}
		String number = kind == PartyType.NATURAL_PERSON ? idNumber : uscc;
		boolean keepNumber = kind == c.partyKind() && (number == null || number.isBlank());
		PartyIdentity.Party party = kind == null || keepNumber ? null : parties.check(kind, idNumber, uscc, errors);
		if (party != null && party.birth() != null && c.actDate().isBefore(party.birth())) {
			errors.put("partyIdNumber", "违法行为发生日期早于当事人的出生日期（按身份证号），请核对身份证号");
		}
		String newAddress = PartyIdentity.address(address, false, errors);
		if (newAddress == null && !errors.containsKey("partyAddress")) {
			newAddress = c.partyAddress();
		}
		if (reason == null || reason.isBlank()) {
			errors.put("reason", "请填写更正理由");
		}
		else if (reason.strip().length() > 500) {
			errors.put("reason", "更正理由不超过500字");
		}
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		boolean identityChanged = kind != c.partyKind() || !name.strip().equals(c.partyName()) || (party != null && !party.key().equals(cases.partyKey(id)));
		if (!identityChanged && java.util.Objects.equals(newAddress, c.partyAddress())) {
			throw new BusinessRuleViolation("当事人信息没有变化");
		}
		if (identityChanged && !identityOpen(c.stage())) {
			throw new BusinessRuleViolation("事先告知书已载明当事人，不能再更正当事人类型、名称和证件号码；地址在制作决定书前仍可更正");
		}
		List<String> refused = refusals(c.file());
		if (!refused.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", refused));
		}
		String masked = party == null ? c.partyMasked() : party.masked();
		CaseFile file = cases.claim(c.file(), null);
		cases.party(id, kind, name.strip(), party == null ? null : party.cipher(), party == null ? null : party.key(), masked, newAddress);
		String before = describe(c.partyName(), c.partyKind(), c.partyMasked(), c.partyAddress());
		String after = describe(name.strip(), kind, masked, newAddress);
		record.append(file, "case.party_corrected", "更正当事人信息：" + before + " 改为 " + after,
				Map.of("before", before, "after", after, "reason", reason.strip()));
		return penaltyCases.get(scope, id);
	}

	/** Whether the party's kind, name and number may still be corrected: until the notice names him. */
	public static boolean identityOpen(CaseStage stage) {
		return stage == CaseStage.CLUE || stage == CaseStage.FILED || stage == CaseStage.PROPOSED;
	}

	/**
	 * Why the party cannot be corrected now (the guard of the lifecycle's step): once the head has decided, only an address
	 * never recorded may be filled in (a case registered before addresses were kept; the decision gate asks for it before
	 * the decision now) — one recorded stands as the head saw it when he decided.
	 */
	public List<String> refusals(CaseFile c) {
		if (CaseStage.DECIDED.name().equals(c.stage()) && c.partyAddress() != null) {
			return List.of("已作出决定：当事人信息以作出决定时为准，不能再更正");
		}
		return List.of();
	}

	private static String describe(String name, PartyType kind, String masked, String address) {
		return name + "（" + kind.label() + "，" + (masked == null ? "未登记身份证号" : masked) + "）" + (address == null ? "，地址未登记" : "，地址：" + address);
	}
}
