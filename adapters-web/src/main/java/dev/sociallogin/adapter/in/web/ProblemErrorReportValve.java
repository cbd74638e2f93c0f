package dev.sociallogin.adapter.in.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's last word on an error that no filter or controller answered (a request Tomcat itself
 * refuses, an error sent without a body): a problem body instead of Tomcat's HTML page, and never
 * a stack trace or server version.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final ProblemWriter problems;

    ProblemErrorReportValve(ProblemWriter problems) {
        this.problems = problems;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (throwable != null && status >= 500) {
            LOG.error("request failed in the container: {}", ProblemAdvice.describe(throwable));
        } else if (throwable != null) {
            LOG.debug("request refused by the container: {}", ProblemAdvice.describe(throwable));
        }
        try {
            String body = new String(problems.bytes(ProblemResponse.ofStatus(status)), StandardCharsets.UTF_8);
            response.setContentType(ProblemWriter.PROBLEM_JSON);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            LOG.debug("could not write the error report: {}", e.getClass().getName());
        }
    }
}
