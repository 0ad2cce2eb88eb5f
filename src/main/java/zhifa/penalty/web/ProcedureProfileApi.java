package zhifa.penalty.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.penalty.ProcedureProfile;
import zhifa.penalty.ProcedureProfiles;

@Tag(name = "办案期限设置", description = "各执法领域的立案审查期限及延长、办案期限及延长、法制审核期限、陈述申辩期限、当场处罚备案期限，每个数字附依据；未单独设置的领域适用 DEFAULT")
@RestController
@RequestMapping("/api/v1/procedure-profiles")
class ProcedureProfileApi {

	private final ProcedureProfiles profiles;

	ProcedureProfileApi(ProcedureProfiles profiles) {
		this.profiles = profiles;
	}

	@Operation(summary = "已设置的领域（DEFAULT 为默认）")
	@GetMapping
	List<ProcedureProfile> list() {
		return profiles.all();
	}

	@Operation(summary = "某领域适用的设置（未单独设置的返回默认设置；未知的领域 404）")
	@GetMapping("/{domainCode}")
	ProcedureProfile get(@PathVariable String domainCode) {
		return profiles.ofKnown(domainCode);
	}

	record Numbers(ProcedureProfile.Number filing, ProcedureProfile.Number filingExtension, ProcedureProfile.Number decision,
			ProcedureProfile.Number decisionExtension, ProcedureProfile.Number legalReview, ProcedureProfile.Number statement,
			ProcedureProfile.Number onspotReport) {
	}

	@Operation(summary = "设置领域的办案期限（系统管理员；每个数字须写明依据）")
	@PreAuthorize("hasRole('PLATFORM_ADMIN')")
	@PutMapping("/{domainCode}")
	ProcedureProfile save(@PathVariable String domainCode, @RequestBody Numbers n) {
		return profiles.save(new ProcedureProfile(domainCode, n.filing(), n.filingExtension(), n.decision(), n.decisionExtension(), n.legalReview(),
				n.statement(), n.onspotReport(), null));
	}
}
