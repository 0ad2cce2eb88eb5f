package zhifa.penalty;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import zhifa.penalty.persistence.ProfileRows;
import zhifa.record.FullProcessRecord;
import zhifa.shared.BusinessRuleViolation;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

/**
 * The procedure numbers per 执法领域 (RULES.md §2 [CONF]): read by every step that starts a domain-dependent timer, kept
 * by the platform administrator on the 办案期限 page, each number with the rule that sets it. A domain without its own
 * profile uses {@link ProcedureProfile#DEFAULT}.
 */
@Service
public class ProcedureProfiles {

	private final ProfileRows rows;
	private final FullProcessRecord record;
	private final Clock clock;

	ProcedureProfiles(ProfileRows rows, FullProcessRecord record, Clock clock) {
		this.rows = rows;
		this.record = record;
		this.clock = clock;
	}

	/** The profile that applies to the domain: its own, or the default. */
	public ProcedureProfile of(String domainCode) {
		return rows.applying(domainCode).orElseThrow();
	}

	/** A matter's body and name with the profile of its domain ({@link #of}). */
	public record MatterProfile(long matterId, long bodyId, String matterName, ProcedureProfile profile) {
	}

	/** The matter and the profile that applies to it, read together; not found when there is no such matter. */
	public MatterProfile forMatter(long matterId) {
		return rows.forMatter(matterId).orElseThrow(() -> new NotFound("执法事项"));
	}

	/** The catalogue type of a matter ({@code PENALTY}, {@code INSPECTION}…). */
	public String matterType(long matterId) {
		return rows.matterType(matterId).orElseThrow(() -> new NotFound("执法事项"));
	}

	/** {@link #of} for a domain named from outside: an unknown code is not found, never silently the default. */
	public ProcedureProfile ofKnown(String domainCode) {
		if (!ProcedureProfile.DEFAULT.equals(domainCode) && !domains().containsKey(domainCode)) {
			throw new NotFound("执法领域");
		}
		return of(domainCode);
	}

	public List<ProcedureProfile> all() {
		return rows.all();
	}

	/** Every active domain with its name, for choosing one to give its own profile. */
	public Map<String, String> domains() {
		Map<String, String> m = new LinkedHashMap<>();
		rows.domains().forEach(d -> m.put(d[0], d[1]));
		return m;
	}

	/** Sets a domain's numbers (or the default's); every number needs its source. Recorded with the change. */
	@Transactional
	public ProcedureProfile save(ProcedureProfile p) {
		if (p.domainCode() == null || !(ProcedureProfile.DEFAULT.equals(p.domainCode()) || domains().containsKey(p.domainCode()))) {
			throw BusinessRuleViolation.onField("domainCode", "请选择执法领域");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		check(errors, "filing", "立案审查期限", p.filing(), 1, 60);
		check(errors, "filingExtension", "立案审查延长期限", p.filingExtension(), 0, 60);
		check(errors, "decision", "办案期限", p.decision(), 1, 365);
		check(errors, "decisionExtension", "办案期限延长", p.decisionExtension(), 0, 365);
		check(errors, "legalReview", "法制审核期限", p.legalReview(), 1, 60);
		check(errors, "statement", "陈述申辩期限", p.statement(), 1, 60);
		check(errors, "onspotReport", "当场处罚备案期限", p.onspotReport(), 1, 60);
		if (!errors.isEmpty()) {
			throw new BusinessRuleViolation(String.join("；", errors.values()), errors);
		}
		ProcedureProfile before = rows.find(p.domainCode()).orElse(null);
		ProcedureProfile saved = new ProcedureProfile(p.domainCode(), strip(p.filing()), strip(p.filingExtension()), strip(p.decision()),
				strip(p.decisionExtension()), strip(p.legalReview()), strip(p.statement()), strip(p.onspotReport()), Operator.current().operatorName());
		rows.save(saved, clock.instant());
		record.append("procedure_profile", p.domainCode(), null, "procedure_profile.saved", "设置办案期限（" + p.domainCode() + "）",
				Map.of("before", before == null ? "（无）" : describe(before), "after", describe(saved)));
		return of(p.domainCode());
	}

	private static void check(Map<String, String> errors, String field, String what, ProcedureProfile.Number n, int min, int max) {
		if (n == null || n.days() < min || n.days() > max) {
			errors.put(field, what + "应在 " + min + " 到 " + max + " 之间");
		}
		else if (n.source() == null || n.source().isBlank() || n.source().length() > 300) {
			errors.put(field + "Source", "请写明" + what + "的依据（不超过300字）");
		}
	}

	private static ProcedureProfile.Number strip(ProcedureProfile.Number n) {
		return new ProcedureProfile.Number(n.days(), n.source().strip());
	}

	private static String describe(ProcedureProfile p) {
		return "立案审查" + p.filing().days() + "个工作日（延长" + p.filingExtension().days() + "）；办案" + p.decision().days() + "日（延长"
				+ p.decisionExtension().days() + "）；法制审核" + p.legalReview().days() + "个工作日；陈述申辩" + p.statement().days() + "个工作日；当场处罚备案"
				+ p.onspotReport().days() + "个工作日";
	}
}
