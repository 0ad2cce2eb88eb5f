package zhifa.discretion.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.discretion.Benchmark;
import zhifa.discretion.Benchmarks;
import zhifa.discretion.LeniencyLists;

/** 行政处罚法第三十四条: discretion benchmarks are published; so are the leniency lists. No login needed. */
@Tag(name = "公开：裁量基准与减免责清单")
@RestController
@RequestMapping("/api/v1/public/discretion")
class PublicDiscretionApi {

	private final Benchmarks benchmarks;
	private final LeniencyLists lists;

	PublicDiscretionApi(Benchmarks benchmarks, LeniencyLists lists) {
		this.benchmarks = benchmarks;
		this.lists = lists;
	}

	@Operation(summary = "已公布的裁量基准")
	@GetMapping("/benchmarks")
	List<Benchmark> benchmarks(@RequestParam(required = false) String domain) {
		return benchmarks.all(domain, null).stream().filter(Benchmark::published).toList();
	}

	@Operation(summary = "减免责清单")
	@GetMapping("/leniency-items")
	List<LeniencyLists.Item> leniency() {
		return lists.all();
	}
}
