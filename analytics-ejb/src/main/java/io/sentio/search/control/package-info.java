/**
 * Container-free logic of comment intelligence: the Lucene comment index and its analysis, search with
 * facets, snippets and cursors, key terms, and lexicon sentiment.
 *
 * <ul>
 *   <li>Analysis: {@link io.sentio.search.control.EnglishCommentAnalyzer},
 *       {@link io.sentio.search.control.SimplifiedChineseAnalyzer},
 *       {@link io.sentio.search.control.TraditionalChineseAnalyzer} (folds to simplified) and the shared
 *       {@link io.sentio.search.control.MixedScriptAnalyzer}; {@link io.sentio.search.control.LanguageDetector}
 *       picks the language from tag and script; {@link io.sentio.search.control.CommentSchema} lays the
 *       fields out.</li>
 *   <li>Index: {@link io.sentio.search.control.CommentIndex} (one IndexWriter, one SearcherManager, commit
 *       position for catch-up from MongoDB, which stays the source of truth).</li>
 *   <li>Feed: {@link io.sentio.search.control.CommentFeed} keeps one position per
 *       {@link io.sentio.search.control.CommentReader}: {@link io.sentio.search.control.ResponseCommentReader}
 *       (survey answers) and {@link io.sentio.search.control.RecordCommentReader} (interaction notes,
 *       community posts, replies and answers).</li>
 *   <li>Search: {@link io.sentio.search.control.CommentSearch} with
 *       {@link io.sentio.search.control.CommentQueryParser} (bounded, hostile-input safe).</li>
 *   <li>Analytics: {@link io.sentio.search.control.KeyTerms} (Dunning's G²) and
 *       {@link io.sentio.search.control.SentimentScorer} (VADER rules, English and Chinese lexicons).</li>
 * </ul>
 *
 * Everything here except the feed (run under the boundary's lock) is thread-safe and owns no threads: timers (refresh, commit) belong to the boundary.
 */
package io.sentio.search.control;
