package zhifa.casework.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.casework.CaseNumbers;
import zhifa.shared.BodyScopes;
import zhifa.shared.NotFound;
import zhifa.shared.Operator;

@Tag(name = "案件编号格式", description = "立案编号、决定书文号的格式，如 芒市监罚立〔{年}〕{号}号；编号按主体、种类、年度连续不断号")
@RestController
@RequestMapping("/api/v1/bodies/{bodyId}/number-patterns")
class NumberPatternApi {

	private final CaseNumbers numbers;
	private final BodyScopes scopes;

	NumberPatternApi(CaseNumbers numbers, BodyScopes scopes) {
		this.numbers = numbers;
		this.scopes = scopes;
	}

	record Pattern(String pattern) {
	}

	@Operation(summary = "设置编号格式（kind：立案、决定、告知、听证、送达、催告）")
	@PreAuthorize("hasAnyRole('PLATFORM_ADMIN','UNIT_ADMIN')")
	@PutMapping("/{kind}")
	void set(@PathVariable long bodyId, @PathVariable String kind, @RequestBody Pattern p) {
		if (!scopes.covers(Operator.current().scope(), bodyId)) {
			throw new NotFound("执法主体");
		}
		numbers.setPattern(bodyId, kind, p.pattern());
	}
}
