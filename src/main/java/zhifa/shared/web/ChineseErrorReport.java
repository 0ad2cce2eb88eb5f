package zhifa.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the web server itself refuses before the application sees the request — an address longer than the server takes
 * (a search of several thousand characters), a request it cannot parse — gets a short Chinese page for a phone, not
 * Tomcat's English one with its version. Everything the application answers has its own pages ({@link PageErrors}).
 */
@Component
class ChineseErrorReport implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(Valve.class.getName());
			}
		});
	}

	/** Tomcat's error report, in Chinese. */
	public static class Valve extends ErrorReportValve {

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			String detail = switch (status) {
				case 400 -> "请求有误：地址或提交的内容过长、格式不正确（如查询条件过长）。请返回后缩短查询条件或内容重试。";
				case 404 -> "找不到您要访问的页面。";
				case 413 -> "提交的内容过大。请缩小文件或分次提交。";
				case 414, 431 -> "请求的地址或头信息过长。请返回后缩短查询条件重试。";
				default -> status >= 500 ? "服务器暂时无法处理您的请求，请稍后重试。" : "请求未能处理。";
			};
			String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
			// a visitor of the public site goes back to it, not to the staff's login (the address may not be known: both then)
			boolean pub = uri.startsWith("/portal") || uri.startsWith("/verify") || uri.startsWith("/complaints") || uri.startsWith("/scan");
			try {
				response.setContentType("text/html");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				Writer w = response.getReporter();
				if (w != null) {
					w.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
							+ "<title>请求未能处理（" + status + "）</title><link rel=\"stylesheet\" href=\"/webjars/bootstrap/css/bootstrap.min.css\"></head>"
							+ "<body><main class=\"container py-4\" style=\"max-width: 720px\"><h1 class=\"h5\">请求未能处理（" + status + "）</h1><p>" + detail
							+ "</p><p><a class=\"btn btn-outline-primary btn-sm\" href=\"/portal\">返回公示网站</a>"
							+ (pub ? "" : " <a class=\"btn btn-outline-secondary btn-sm\" href=\"/\">工作人员首页</a>") + "</p></main></body></html>");
				}
			}
			catch (IOException | IllegalStateException e) {
				// the connection is gone or the response was taken: nothing more to say
			}
		}
	}
}
