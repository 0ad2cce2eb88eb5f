package zhifa.inspection.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import zhifa.organization.OrganizationDirectory;
import zhifa.organization.Region;
import zhifa.organization.Regions;

/**
 * Where a task's objects are drawn: within the lead body's jurisdiction (its whole region when none is chosen), and
 * within each participating body's — a township's inspectors and items reach no object outside it (an inspection within
 * the body's statutory powers and territory, 国办发〔2024〕54号).
 */
final class TaskRegion {

	private TaskRegion() {
	}

	/** The region the task draws in; a refusal (under {@code regionId}) put in {@code errors} when it is not one every body can inspect. */
	static Long of(OrganizationDirectory directory, Regions regions, long leadBodyId, Long chosen, List<Long> itemBodyIds, boolean itemsRefused,
			Map<String, String> errors) {
		Long regionId = chosen != null ? chosen : directory.facts(leadBodyId).flatMap(b -> regions.findByPath(b.regionPath())).map(Region::id).orElse(null);
		Optional<Region> region = regionId == null ? Optional.empty() : regions.find(regionId);
		if (chosen != null && region.isEmpty()) {
			errors.put("regionId", "区划不存在");
		}
		else if (region.isPresent() && !itemsRefused) {
			List<String> outside = new ArrayList<>();
			java.util.stream.Stream.concat(java.util.stream.Stream.of(leadBodyId), itemBodyIds.stream()).distinct()
				.forEach(b -> directory.facts(b).filter(x -> !region.get().path().startsWith(x.regionPath())).ifPresent(x -> outside.add(x.name())));
			if (!outside.isEmpty()) {
				errors.put("regionId", "检查区划“" + region.get().name() + "”" + (chosen == null ? "（未选择区划时为牵头单位的管辖区域）" : "")
						+ "超出" + String.join("、", outside) + "的管辖区域，行政检查应在本机关的职权和管辖区域内实施（国办发〔2024〕54号）："
						+ "请选择各参加单位都能管辖的区划，或不选该单位的事项");
			}
		}
		return regionId;
	}
}
