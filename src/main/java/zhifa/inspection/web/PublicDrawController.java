package zhifa.inspection.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import zhifa.inspection.draw.RandomDraw;
import zhifa.inspection.draw.Recompute;
import zhifa.inspection.plans.InspectionPlans;
import zhifa.shared.NotFound;

/**
 * A draw in public, without login ({@code /verify/draws/任务编号}): the task's parameters and pool as published before the
 * draw with their commitment, the beacon, the seed and the list — recomputed here from the published text by the same
 * documented function anyone can run — and the text itself to download.
 */
@Controller
class PublicDrawController {

	private final InspectionPlans plans;

	PublicDrawController(InspectionPlans plans) {
		this.plans = plans;
	}

	@GetMapping("/verify/draws/{code}")
	String show(@PathVariable String code, Model model) {
		var t = plans.published(code).orElseThrow(() -> new NotFound("抽查任务"));
		var parsed = Recompute.parse(plans.canonical(t.id()));
		model.addAttribute("t", t);
		model.addAttribute("poolSize", parsed.population().size());
		model.addAttribute("sizes", RandomDraw.sizes(parsed.ratios(), parsed.population()));
		List<RandomDraw.Drawn> result = t.beacon() == null ? List.of()
				: RandomDraw.select(RandomDraw.seed(t.commitment(), t.beacon()), parsed.ratios(), parsed.population());
		model.addAttribute("result", result);
		return "inspection/public-draw";
	}

	@GetMapping("/verify/draws/{code}/canonical.txt")
	ResponseEntity<byte[]> canonical(@PathVariable String code) {
		var t = plans.published(code).orElseThrow(() -> new NotFound("抽查任务"));
		return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(t.code() + ".txt").build().toString())
			.body(plans.canonical(t.id()).getBytes(StandardCharsets.UTF_8));
	}
}
