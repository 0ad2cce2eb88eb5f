package zhifa.penalty.filing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.casework.CaseFile;
import zhifa.casework.CaseKinds;
import zhifa.casework.CaseRecord;
import zhifa.casework.Cases;
import zhifa.casework.PartyType;
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
	 * then on a correction needs a new notice); the reason is required and the record keeps both versions, masked.
	 */
	@Transactional
	public PenaltyCase correct(DataScope scope, long id, PartyType kind, String name, String idNumber, String uscc, String reason) {
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
		PartyIdentity.Party party = kind == null ? null : parties.check(kind, idNumber, uscc, errors);
		if (party != null && party.birth() != null && c.actDate().isBefore(party.birth())) {
			errors.put("partyIdNumber", "违法行为发生日期早于当事人的出生日期（按身份证号），请核对身份证号");
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
		if (kind == c.partyKind() && name.strip().equals(c.partyName()) && party.key().equals(cases.partyKey(id))) {
			throw new BusinessRuleViolation("当事人信息没有变化");
		}
		CaseFile file = cases.claim(c.file(), null);
		cases.party(id, kind, name.strip(), party.cipher(), party.key(), party.masked());
		record.append(file, "case.party_corrected", "更正当事人信息：" + c.partyName() + "（" + c.partyMasked() + "）改为 " + name.strip() + "（"
				+ party.masked() + "）", Map.of("before", c.partyName() + "（" + c.partyKind().label() + "，" + c.partyMasked() + "）", "after",
						name.strip() + "（" + kind.label() + "，" + party.masked() + "）", "reason", reason.strip()));
		return penaltyCases.get(scope, id);
	}
}
