// The checker's runtime closure, as the dependency plugin resolved it for a consumer: exactly the
// checker and the annotations. A dependency of the checker that lost its provided/test scope
// would land on every consumer's processor path and show up here.
def listed = new File(basedir, 'target/runtime-deps.txt').readLines()
    .collect { it.trim() }
    .findAll { it ==~ /[^\s:]+:[^\s:]+:jar:.*/ }
    .collect { it.split(':')[0] + ':' + it.split(':')[1] }
    .sort()
assert listed == ['dev.readonce:readonce-annotations', 'dev.readonce:readonce-checker']
