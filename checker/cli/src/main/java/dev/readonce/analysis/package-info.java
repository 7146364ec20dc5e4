/**
 * The one compile path of ReadOnce's front ends: javac, in-process, with Error Prone running only
 * the ReadOnce checks ({@link dev.readonce.analysis.ReadOnceJavac}). The review gate reads javac's
 * diagnostics from it; the language server also reads each finding's exact range and suggested
 * fixes ({@link dev.readonce.analysis.CheckFinding}).
 */
package dev.readonce.analysis;
