package zhifa.shared.infra;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/** The API description at {@code /v3/api-docs}: Chinese title and the two ways to authenticate. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI zhifaOpenApi() {
		return new OpenAPI()
			.info(new Info().title("行政执法和行政执法监督一体化平台 API")
				.version("v1")
				.description("其他系统以本单位 API 令牌调用（Authorization: Bearer zf_…）；浏览器会话调用写操作须带 X-CSRF-TOKEN。"
						+ "查询结果按调用者的数据范围过滤；错误为 RFC 9457 problem details，detail 为中文。"))
			.components(new Components().addSecuritySchemes("apiToken",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description("单位 API 令牌")))
			.addSecurityItem(new SecurityRequirement().addList("apiToken"));
	}
}
