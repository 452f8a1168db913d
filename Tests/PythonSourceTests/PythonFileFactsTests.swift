import Testing
import PythonSource

@Suite struct PythonFileFactsTests {
    @Test func imports_are_read_from_code_not_from_strings_or_comments() {
        let source = #"""
        import os, numpy as np
        from sklearn.linear_model import (
            LogisticRegression,
            Ridge,
        )
        from . import models
        from ..utils import helper
        from __future__ import annotations
        # import tensorflow
        text = "import torch"
        doc = """
        import keras
        """
        x = 1; import pandas
        if TYPE_CHECKING: import fastapi
        try:
            import ujson
        except ImportError:
            ujson = None
        import django.db.models \
            as m
        """#
        let facts = PythonFileFacts(source: source)
        let modules = facts.imports.map(\.module)
        #expect(modules == ["os", "numpy", "sklearn.linear_model", ".", "..utils", "pandas", "fastapi", "ujson", "django.db.models"])
        #expect(facts.imports.first { $0.module == "sklearn.linear_model" }?.line == 2)
        #expect(facts.imports.first { $0.module == "ujson" }?.isNested == true)
        #expect(facts.imports.first { $0.module == ".." + "utils" }?.isRelative == true)
        #expect(facts.imports.first { $0.module == "django.db.models" }?.line == 20)
    }

    @Test func functions_with_type_hints_are_counted() {
        let source = """
        def a(x: int) -> int: return x
        def b(x, y): return x
        async def c(self, *, key: str = "a:b"): pass
        def d(
            items,
        ) -> list[str]:
            return []
        """
        let facts = PythonFileFacts(source: source)
        #expect(facts.functions == 4)
        #expect(facts.annotatedFunctions == 3)
    }

    @Test func broken_source_still_yields_what_it_holds() {
        let facts = PythonFileFacts(source: "import requests\ns = 'unterminated\nimport flask\nx = (1,\n")
        #expect(facts.imports.map(\.module) == ["requests", "flask"])
    }

    @Test func tokens_keep_lines_across_triple_quoted_strings() {
        let tokens = PythonTokenizer.tokenize("a = '''x\ny\nz'''\nb = 2\n")
        #expect(tokens.first { $0.text == "b" }?.line == 4)
    }

    @Test func operators_numbers_and_non_ascii_names_are_whole_tokens() {
        let tokens = PythonTokenizer.tokenize("café = naïve ** 2\nx //= 3.5e2 -> y\nz **= .5; w >>= 1\nπ = '€'\n")
        let texts = tokens.filter { $0.kind != .newline }.map(\.text)
        #expect(texts == ["café", "=", "naïve", "**", "2", "x", "//=", "3.5e2", "->", "y", "z", "**=", ".5", "w", ">>=", "1", "π", "=", "'€'"])
        #expect(tokens.first { $0.text == "café" }?.kind == .name)
        #expect(tokens.first { $0.text == "3.5e2" }?.kind == .number)
        #expect(tokens.first { $0.text == "π" }?.line == 4)
    }
}
