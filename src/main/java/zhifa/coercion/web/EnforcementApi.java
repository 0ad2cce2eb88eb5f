package zhifa.coercion.web;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.casework.Cases;
import zhifa.coercion.Enforcement;
import zhifa.coercion.Enforcements;
import zhifa.shared.Operator;

@Tag(name = "行政强制执行", description = "催告（义务逾期未履行）、陈述申辩与复核、申请人民法院强制执行（催告书送达十个工作日后；复议、诉讼期限届满后三个月内）或作出强制执行决定（法律授权的机关）、执行结果")
@RestController
@RequestMapping("/api/v1/cases/{id}")
class EnforcementApi {

	private final Enforcements enforcements;
	private final Cases cases;

	EnforcementApi(Enforcements enforcements, Cases cases) {
		this.enforcements = enforcements;
		this.cases = cases;
	}

	@Operation(summary = "强制执行程序的现状")
	@GetMapping("/enforcement")
	Optional<Enforcement> view(@PathVariable long id) {
		cases.get(Operator.current().scope(), id);
		return enforcements.enforcement(id);
	}

	record Urge(LocalDate servedOn, String proof) {
	}

	@Operation(summary = "催告（义务履行期限届满后；义务由案件种类确定，如处罚决定的罚款及加处罚款）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/urge")
	Enforcement urge(@PathVariable long id, @RequestBody Urge u) {
		return enforcements.urge(Operator.current().scope(), id, u.servedOn(), u.proof());
	}

	record Statement(String statement, String review) {
	}

	@Operation(summary = "记录当事人对催告的陈述、申辩及复核意见（行政强制法第三十六条）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/enforcement/statement")
	Enforcement statement(@PathVariable long id, @RequestBody Statement s) {
		return enforcements.statement(Operator.current().scope(), id, s.statement(), s.review());
	}

	record CourtApplication(LocalDate appliedOn, String court) {
	}

	@Operation(summary = "申请人民法院强制执行（催告书送达十个工作日后；复议、诉讼期限届满后三个月内）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/court-application")
	Enforcement apply(@PathVariable long id, @RequestBody CourtApplication a) {
		return enforcements.applyToCourt(Operator.current().scope(), id, a.appliedOn(), a.court());
	}

	record Decision(LocalDate on, String number, String powerBasis) {
	}

	@Operation(summary = "作出强制执行决定（仅限法律授予强制执行权的机关，须写明授权条文；行政强制法第三十七条）")
	@PreAuthorize("hasRole('LEADER')")
	@PostMapping("/enforcement/decision")
	Enforcement decide(@PathVariable long id, @RequestBody Decision d) {
		return enforcements.decide(Operator.current().scope(), id, d.on(), d.powerBasis(), d.number());
	}

	record Result(LocalDate on, String result) {
	}

	@Operation(summary = "强制执行结果（法院裁定及执行情况，或本机关执行情况）")
	@PreAuthorize("hasAnyRole('OFFICER','LEADER')")
	@PostMapping("/court-result")
	Enforcement result(@PathVariable long id, @RequestBody Result r) {
		return enforcements.result(Operator.current().scope(), id, r.on(), r.result());
	}
}
