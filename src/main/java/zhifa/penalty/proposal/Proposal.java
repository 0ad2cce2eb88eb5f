package zhifa.penalty.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;
import zhifa.discretion.Circumstance;
import zhifa.penalty.Sanction;

/**
 * 调查终结报告 and the proposed penalty with the benchmark assessment it was checked against (stored as the discretion
 * module returned it), the deviations from the benchmark with their reason, and whether the case is major or complex.
 */
public record Proposal(String report, Set<Circumstance> circumstances, Long illegalGains, String assessment, String tier, Sanction sanction,
		List<String> deviations, String deviationReason, boolean major, boolean complex, String proposedBy) {

	static final JsonMapper JSON = JsonMapper.builder().build();

	public boolean deviates() {
		return !deviations.isEmpty();
	}

	/** The 说理 of the stored assessment, or why no benchmark applied. */
	public String reasoning() {
		var node = JSON.readTree(assessment);
		return node.has("reasoning") ? node.get("reasoning").asString() : node.path("none").asString();
	}

	/** The benchmark assessment the proposal was checked against; empty when no benchmark applied. */
	public java.util.Optional<zhifa.discretion.Benchmarks.Assessment> assessed() {
		var node = JSON.readTree(assessment);
		return node.has("tier") ? java.util.Optional.of(JSON.treeToValue(node, zhifa.discretion.Benchmarks.Assessment.class)) : java.util.Optional.empty();
	}

	/** The leniency-list items the assessment matched (减免责清单). */
	/** The 减免责清单's type in words (the assessment keeps its code). */
	private static String typeLabel(String code) {
		try {
			return zhifa.discretion.LeniencyType.valueOf(code).label();
		}
		catch (IllegalArgumentException e) {
			return code;
		}
	}

	public List<String> leniency() {
		List<String> items = new ArrayList<>();
		JSON.readTree(assessment).path("leniency").forEach(i -> items.add(typeLabel(i.path("type").asString()) + "：" + i.path("matter").asString()));
		return items;
	}
}
