package zhifa.shared.web;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A JSON body to the API is at most {@value #LIMIT_MB} MB (a batch of 1,000 acts is a few MB): a larger one is 413 with a
 * Chinese problem detail — by its declared length before it is read, or, sent without one, as soon as it passes the limit
 * while read (it was read whole: 30 MB of padding was accepted, 150 MB answered as "not valid JSON"). Files go as
 * multipart, with their own limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 61)
class JsonBodyLimit extends OncePerRequestFilter {

	static final int LIMIT_MB = 20;
	static final long LIMIT = LIMIT_MB * 1024L * 1024L;
	static final String DETAIL = "请求体超过 " + LIMIT_MB + "MB：请分批报送（每批不超过 1,000 条）";

	/** Thrown while a body without a declared length is read past the limit; answered 413 ({@link ApiProblems}). */
	static final class TooLarge extends IOException {
		TooLarge() {
			super(DETAIL);
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest req) {
		String type = req.getContentType();
		return !req.getRequestURI().startsWith(req.getContextPath() + "/api/") || type == null || !type.toLowerCase().contains("json");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws ServletException, IOException {
		if (req.getContentLengthLong() > LIMIT) {
			ApiProblems.write(res, 413, "请求体过大", DETAIL);
			return;
		}
		chain.doFilter(req.getContentLengthLong() >= 0 ? req : new HttpServletRequestWrapper(req) {
			private ServletInputStream counted;

			@Override
			public ServletInputStream getInputStream() throws IOException {
				if (counted == null) {
					counted = new Counted(super.getInputStream());
				}
				return counted;
			}
		}, res);
	}

	private static final class Counted extends ServletInputStream {
		private final ServletInputStream in;
		private long read;

		Counted(ServletInputStream in) {
			this.in = in;
		}

		private int count(int n) throws TooLarge {
			if (n > 0 && (read += n) > LIMIT) {
				throw new TooLarge();
			}
			return n;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			return count(in.read(b, off, len));
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
