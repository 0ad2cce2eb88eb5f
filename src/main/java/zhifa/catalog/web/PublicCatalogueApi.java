package zhifa.catalog.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import zhifa.catalog.CatalogueEntry;
import zhifa.catalog.Catalogues;
import zhifa.shared.DataScope;

/** Published catalogues are public (行政执法公示); drafts and submissions are not. No login needed. */
@Tag(name = "公开：执法事项目录")
@RestController
@RequestMapping("/api/v1/public/catalogues")
class PublicCatalogueApi {

	private final Catalogues catalogues;

	PublicCatalogueApi(Catalogues catalogues) {
		this.catalogues = catalogues;
	}

	@Operation(summary = "各执法主体现行目录版本")
	@GetMapping
	List<Catalogues.Version> latest() {
		return catalogues.latestVersions(DataScope.all());
	}

	record Published(Catalogues.Version version, List<CatalogueEntry> items) {
	}

	@Operation(summary = "某执法主体的现行目录")
	@GetMapping("/{bodyId}")
	Published current(@PathVariable long bodyId) {
		var v = catalogues.latestVersions(DataScope.all()).stream().filter(x -> x.bodyId() == bodyId).findFirst()
			.orElseThrow(() -> new zhifa.shared.NotFound("该执法主体已发布的执法事项目录"));
		return new Published(v, catalogues.entries(v.id()));
	}
}
