package io.sentio.satisfaction.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PathModelTest {

    static final Construct A = Construct.reflective("a", "a1", "a2");
    static final Construct B = Construct.reflective("b", "b1");
    static final Construct C = Construct.formative("c", "c1", "c2", "c3");

    @Test
    void acceptsRecursiveModelAndCountsArrows() {
        var m = new PathModel(List.of(A, B, C), List.of(new Path("a", "b"), new Path("a", "c"), new Path("b", "c")));
        assertThat(m.predecessors("c")).containsExactly("a", "b");
        assertThat(m.endogenous()).containsExactly("b", "c");
        assertThat(m.indicators()).containsExactly("a1", "a2", "b1", "c1", "c2", "c3");
        assertThat(m.maxArrowsIntoConstruct()).isEqualTo(3); // formative block of three
    }

    @Test
    void rejectsCycleNamingItsConstructs() {
        assertThatThrownBy(() -> new PathModel(List.of(A, B, C),
                List.of(new Path("a", "b"), new Path("b", "c"), new Path("c", "b"))))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("cycle").hasMessageContaining("b, c");
    }

    @Test
    void rejectsUnknownConstructEmptyBlockAndSharedIndicator() {
        assertThatThrownBy(() -> new PathModel(List.of(A, B), List.of(new Path("a", "x"))))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("unknown construct 'x'");
        assertThatThrownBy(() -> new Construct("e", List.of(), Mode.A))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("empty block");
        assertThatThrownBy(() -> new PathModel(List.of(A, Construct.reflective("d", "a2")), List.of()))
                .isInstanceOf(InvalidModelException.class).hasMessageContaining("'a2' already belongs to construct 'a'");
        assertThatThrownBy(() -> new PathModel(List.of(A, B), List.of(new Path("a", "b"), new Path("a", "b"))))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> new Path("a", "a")).hasMessageContaining("self-loop");
        assertThatThrownBy(() -> InnerScheme.parse("circular")).hasMessageContaining("unknown inner weighting scheme");
    }

    @Test
    void acsiFactoryBuildsTheStandardModel() {
        var items = new java.util.HashMap<String, List<String>>();
        for (String c : PathModel.ACSI_CONSTRUCTS) {
            items.put(c, List.of(c + "1", c + "2"));
        }
        var m = PathModel.acsi(items);
        assertThat(m.paths()).hasSize(9);
        assertThat(m.predecessors("satisfaction")).containsExactly("expectation", "quality", "value");
        assertThat(m.predecessors("loyalty")).containsExactly("satisfaction", "complaints");
    }
}
