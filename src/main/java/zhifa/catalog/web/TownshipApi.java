package zhifa.catalog.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.catalog.TownshipPowers;
import zhifa.shared.Operator;

@Tag(name = "乡镇赋权", description = "下放乡镇（街道）的执法事项、赋权文件与收回历史；第三方评估与群众评价")
@RestController
@RequestMapping("/api/v1/townships")
class TownshipApi {

	private final TownshipPowers powers;

	TownshipApi(TownshipPowers powers) {
		this.powers = powers;
	}

	@Operation(summary = "乡镇（街道）及现有赋权事项数")
	@GetMapping
	List<TownshipPowers.Township> townships() {
		return powers.townships(Operator.current().scope());
	}

	@Operation(summary = "某乡镇的赋权事项（含已收回的历史）")
	@GetMapping("/{id}/delegations")
	List<TownshipPowers.Delegation> delegations(@PathVariable long id) {
		return powers.delegations(Operator.current().scope(), id);
	}

	@Operation(summary = "下放事项", description = "须为有效且标注可下放乡镇的本县（市）事项，附赋权文件和理由")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/{id}/delegations")
	@ResponseStatus(HttpStatus.CREATED)
	TownshipPowers.Delegation delegate(@PathVariable long id, @RequestBody TownshipPowers.Delegate d) {
		return powers.delegate(Operator.current().scope(),
				new TownshipPowers.Delegate(id, d.matterId(), d.documentTitle(), d.documentNumber(), d.effectiveFrom(), d.reason(), d.provincialBasis()), false);
	}

	record Withdrawal(LocalDate withdrawnOn, String reason) {
	}

	@Operation(summary = "收回事项", description = "须填写理由")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/delegations/{delegationId}/withdraw")
	TownshipPowers.Delegation withdraw(@PathVariable long delegationId, @RequestBody Withdrawal w) {
		return powers.withdraw(Operator.current().scope(), delegationId, w.withdrawnOn(), w.reason());
	}

	@Operation(summary = "录入第三方评估")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/{id}/evaluations")
	@ResponseStatus(HttpStatus.CREATED)
	TownshipPowers.Evaluation evaluate(@PathVariable long id, @RequestBody TownshipPowers.NewEvaluation e) {
		return powers.addEvaluation(Operator.current().scope(), id, e, false);
	}

	@Operation(summary = "录入群众评价")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','SUPERVISOR')")
	@PostMapping("/{id}/feedback")
	@ResponseStatus(HttpStatus.CREATED)
	TownshipPowers.Feedback feedback(@PathVariable long id, @RequestBody TownshipPowers.NewFeedback f) {
		return powers.addFeedback(Operator.current().scope(), id, f, false);
	}

	record ReportLineView(String township, int delegations, Long usage, List<TownshipPowers.Evaluation> evaluations,
			java.util.Map<TownshipPowers.Satisfaction, Long> feedback) {
	}

	@Operation(summary = "年度评估报告", description = "usage 为 null 表示尚未接入执法数据（不是0）")
	@GetMapping("/report/{year}")
	List<ReportLineView> report(@PathVariable int year) {
		return powers.report(Operator.current().scope(), year).stream()
			.map(l -> new ReportLineView(l.township().name(), l.delegations().size(), l.totalUsage().orElse(null), l.evaluations(), l.feedback()))
			.toList();
	}
}
