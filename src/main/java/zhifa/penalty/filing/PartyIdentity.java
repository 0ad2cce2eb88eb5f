package zhifa.penalty.filing;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import zhifa.casework.PartyType;
import zhifa.shared.IdNumber;
import zhifa.shared.PersonalData;
import zhifa.shared.Uscc;

/** A party's number as registration and correction take it: checked by the party's kind, then kept as the platform keeps it. */
@Component
class PartyIdentity {

	/** A party's identity as kept: the key that finds its other cases, the number masked and encrypted, the birth date. */
	record Party(String key, String masked, String cipher, LocalDate birth) {
	}

	private final PersonalData personal;

	PartyIdentity(PersonalData personal) {
		this.personal = personal;
	}

	/**
	 * The party's address (住所、经营场所) as the decision prints it (行政处罚法第五十九条第一款第（一）项): stripped, at most 300
	 * characters; null when not given, which only a decision on the spot ({@code required}) refuses — a clue may come
	 * before anyone knows it, and the decision waits for it.
	 */
	static String address(String address, boolean required, Map<String, String> errors) {
		String a = address == null ? "" : address.strip();
		if (a.isEmpty()) {
			if (required) {
				errors.put("partyAddress", "请填写当事人的地址（住所或经营场所）：决定书须载明");
			}
			return null;
		}
		if (a.length() > 300) {
			errors.put("partyAddress", "当事人地址不超过300字");
			return null;
		}
		return a;
	}

	/** The party's number checked (ID number or USCC by its kind); null, with the reason in {@code errors}, when wrong. */
	Party check(PartyType kind, String idNumber, String uscc, Map<String, String> errors) {
		if (kind == PartyType.NATURAL_PERSON) {
			String id = idNumber == null ? "" : idNumber.strip().toUpperCase();
			var problem = IdNumber.problem(id);
			if (problem.isPresent()) {
				errors.put("partyIdNumber", problem.get());
				return null;
			}
			return new Party("P:" + personal.fingerprint(id), IdNumber.mask(id), personal.encrypt(id), IdNumber.birthDate(id));
		}
		String code = uscc == null ? "" : uscc.strip().toUpperCase();
		var problem = Uscc.problem(code);
		if (problem.isPresent()) {
			errors.put("partyUscc", problem.get());
			return null;
		}
		return new Party("U:" + code, code, null, null);
	}
}
