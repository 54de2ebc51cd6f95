# The Flotilla supervisor image, from the distribution. Build from the repository root after
# 'mvn -B -pl flotilla-dist -am package -DskipTests':
#   docker build -f deploy/docker/supervisor.Dockerfile --build-arg VERSION=0.1.0-SNAPSHOT -t flotilla/supervisor:0.1.0 .
FROM eclipse-temurin:17-jre

ARG VERSION
RUN groupadd --system --gid 10001 flotilla \
 && useradd --system --uid 10001 --gid flotilla --home-dir /opt/flotilla --shell /usr/sbin/nologin flotilla
# ADD unpacks a local tar.gz.
ADD flotilla-dist/target/flotilla-${VERSION}.tar.gz /opt/
RUN ln -s /opt/flotilla-${VERSION} /opt/flotilla \
 && mkdir -p /var/lib/flotilla \
 && chown flotilla:flotilla /var/lib/flotilla

# In a container the log goes to stdout (kubectl logs); the heap follows the container's limit.
ENV FLOTILLA_LOG_CONFIG=/opt/flotilla/conf/log4j2-console.xml \
    FLOTILLA_LOG_DIR=/var/lib/flotilla/logs \
    FLOTILLA_JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    FLOTILLA_SUPERVISOR_BIND=0.0.0.0 \
    FLOTILLA_SUPERVISOR_PORT=8080

USER 10001:10001
WORKDIR /var/lib/flotilla
EXPOSE 8080
# The script execs java, so the JVM is PID 1 and gets SIGTERM itself.
ENTRYPOINT ["/opt/flotilla/bin/flotilla-supervisor"]
