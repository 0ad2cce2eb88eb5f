package zhifa.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import zhifa.support.HttpSession;
import zhifa.support.IntegrationTestBase;

/**
 * The static files are served from their own paths (the WebJars without their version), and nothing else is looked up
 * as a static resource.
 */
class StaticResourcesIntegrationTest extends IntegrationTestBase {

	@Test
	void stylesScriptsAndWebJarsAreServedWithoutALogin() {
		HttpSession anyone = new HttpSession(port);
		for (String path : new String[] { "/css/app.css", "/js/app.js", "/webjars/bootstrap/css/bootstrap.min.css",
				"/webjars/htmx.org/dist/htmx.min.js", "/webjars/echarts/dist/echarts.min.js" }) {
			var r = anyone.get(path);
			assertThat(r.statusCode()).as(path).isEqualTo(200);
			assertThat(r.body()).as(path).isNotBlank();
		}
		assertThat(anyone.get("/css/no-such-file.css").statusCode()).isEqualTo(404);
	}
}
