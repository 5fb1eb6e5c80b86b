package com.performanceos.platform.limits;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import graphql.GraphQLError;
import graphql.language.AstPrinter;
import graphql.language.AstTransformer;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.Node;
import graphql.language.NodeVisitorStub;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import graphql.util.TreeTransformerUtil;
import graphql.validation.Validator;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The operations the first-party SDKs ship ({@code api-schema/operations}, on the classpath under
 * {@code trusted-operations/}), kept as canonical text so that a request matches whatever
 * whitespace, fragment order or {@code __typename} selections a client's code generator added.
 * Clients restricted to trusted operations (see {@link LimitsProperties#trustedOperationsOnlyFor})
 * may run these and nothing else: a partner's token then cannot be used for arbitrary queries.
 */
final class TrustedOperations {

	static final String LOCATION = "classpath*:trusted-operations/*.graphql";

	/** Canonical text by operation name, for messages and tests. */
	private final Map<String, String> byName;

	private final Set<String> canonical;

	private TrustedOperations(Map<String, String> byName) {
		this.byName = Map.copyOf(byName);
		this.canonical = Set.copyOf(byName.values());
	}

	/** Loads and validates the shipped operations; an operation that no longer fits the schema stops start-up. */
	static TrustedOperations load(GraphQLSchema schema) {
		return load(schema, LOCATION);
	}

	static TrustedOperations load(GraphQLSchema schema, String location) {
		Map<String, String> byName = new TreeMap<>();
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(location)) {
				String text;
				try (InputStream in = resource.getInputStream()) {
					text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
				}
				Document document = Parser.parse(text);
				List<? extends GraphQLError> invalid = new Validator().validateDocument(schema, document, java.util.Locale.ROOT);
				if (!invalid.isEmpty()) {
					throw new IllegalStateException("Trusted operations in " + resource.getFilename()
							+ " do not fit the schema: " + invalid);
				}
				Map<String, FragmentDefinition> fragments = fragments(document);
				for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
					if (operation.getName() == null || byName.containsKey(operation.getName())) {
						throw new IllegalStateException("Trusted operations need unique names; " + resource.getFilename()
								+ " has " + (operation.getName() == null ? "an anonymous one" : operation.getName() + " twice"));
					}
					byName.put(operation.getName(), canonical(operation, fragments));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the trusted operations", ex);
		}
		return new TrustedOperations(byName);
	}

	/** Whether {@code operation} (with the fragments of its request) is one of the shipped operations. */
	boolean trusts(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
		return canonical.contains(canonical(operation, fragments));
	}

	Set<String> names() {
		return byName.keySet();
	}

	static Map<String, FragmentDefinition> fragments(Document document) {
		Map<String, FragmentDefinition> fragments = new HashMap<>();
		for (FragmentDefinition fragment : document.getDefinitionsOfType(FragmentDefinition.class)) {
			fragments.put(fragment.getName(), fragment);
		}
		return fragments;
	}

	/**
	 * The operation and the fragments it uses (sorted by name), without {@code __typename}
	 * selections, printed compactly. Fragments the request defines but the operation does not use
	 * are left out, so one file may hold several operations.
	 */
	static String canonical(OperationDefinition operation, Map<String, FragmentDefinition> fragments) {
		List<Definition> definitions = new ArrayList<>();
		definitions.add(operation);
		definitions.addAll(usedFragments(operation, fragments));
		Node<?> withoutTypename = new AstTransformer().transform(Document.newDocument().definitions(definitions).build(),
				new NodeVisitorStub() {
					@Override
					public TraversalControl visitField(Field field, TraverserContext<Node> context) {
						return field.getName().equals("__typename") && field.getSelectionSet() == null
								? TreeTransformerUtil.deleteNode(context) : TraversalControl.CONTINUE;
					}
				});
		return AstPrinter.printAstCompact(withoutTypename);
	}

	private static List<FragmentDefinition> usedFragments(OperationDefinition operation,
			Map<String, FragmentDefinition> fragments) {
		Set<String> seen = new LinkedHashSet<>();
		Deque<Node<?>> pending = new ArrayDeque<>();
		pending.push(operation);
		while (!pending.isEmpty()) {
			Node<?> node = pending.pop();
			if (node instanceof FragmentSpread spread && seen.add(spread.getName())) {
				FragmentDefinition fragment = fragments.get(spread.getName());
				if (fragment != null) {
					pending.push(fragment);
				}
			}
			for (Node<?> child : node.getChildren()) {
				pending.push(child);
			}
		}
		return seen.stream()
			.map(fragments::get)
			.filter(java.util.Objects::nonNull)
			.sorted(Comparator.comparing(FragmentDefinition::getName))
			.toList();
	}

}
