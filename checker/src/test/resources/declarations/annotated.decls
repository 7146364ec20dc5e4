# The contracts of fixture.walk.Annotated, stated a second time as declarations: the test checks
# that both say the same about every member.

slot          fixture.walk.Annotated.Ref#entries                  lock=ptl stableAfterPointer
accessor      fixture.walk.Annotated.Ref#get()
accessor      fixture.walk.Annotated.Ref#getPlain()               atomic=false
accessor      fixture.walk.Annotated.Ref#getStable()              lock=<held value> stableAfterPointer
modifies-slot fixture.walk.Annotated.Ref#set(long)                requiresLock
locks-slot    fixture.walk.Annotated.Ref#lock()
holding       fixture.walk.Annotated.Ref#underPtl()              lock=ptl
acquires-lock fixture.walk.Annotated.Ref#lockBoth()              lock=ptl,this
releases-lock fixture.walk.Annotated.Ref#unlockBoth()            lock=this,ptl
holding       fixture.walk.Annotated.Ref#unlockBoth()            lock=ptl
single-writer fixture.walk.Annotated.Ref#refill()                slot=entries

stable-handle fixture.walk.Annotated.PudRef
accessor      fixture.walk.Annotated.PudRef#getPud()
accessor      fixture.walk.Annotated.LeafRef#getLeaf()            lock=self

slot          fixture.walk.Annotated.Bins#table                   lock="<held value>"
slot          fixture.walk.Annotated.Bins#first                   lock=this
slot          fixture.walk.Annotated.Bins#head                    lock=""
accessor      fixture.walk.Annotated.Bins#tabAt(fixture.walk.Annotated.Node[], int)  lock=<held value>
modifies-slot fixture.walk.Annotated.Bins#setTabAt(fixture.walk.Annotated.Node[], int, fixture.walk.Annotated.Node)  slot=0,1 requiresLock=true
modifies-slot fixture.walk.Annotated.Bins#casTabAt(fixture.walk.Annotated.Node[], int, fixture.walk.Annotated.Node, fixture.walk.Annotated.Node)  slot=0,1
locks-slot    fixture.walk.Annotated.Bins#lockBin(fixture.walk.Annotated.Node[], int)  slot=0,1
racy-hint     fixture.walk.Annotated.Bins#hinted()               field=first
racy-hint     fixture.walk.Annotated.Bins#hinted()               field=head
validates-hint fixture.walk.Annotated.Bins#validate(fixture.walk.Annotated.Node, fixture.walk.Annotated.Node)  param=1 field=first
racy-hint     fixture.walk.Annotated.Bins.Walker#outerHint()     field=first
filled-under-lock-of fixture.walk.Annotated.Bins#transfer(fixture.walk.Annotated.Node[], fixture.walk.Annotated.Node[])  param=1 of=0

snapshot      fixture.walk.Annotated.Ops#pudEntry(long, fixture.walk.Annotated.PudRef, long, long, fixture.walk.Annotated.Walk)  param=0 slot=1
snapshot      fixture.walk.Annotated.Ops#pteEntry(long, long)     param=0
snapshot      fixture.walk.Annotated.Ops#bothEntry(Object, Object[], int, Object)  param=0 slot=1,2
snapshot      fixture.walk.Annotated.Ops#bothEntry(Object, Object[], int, Object)  param=3 slot=1,2

pointer-test  fixture.walk.Annotated.Walk#none(long)              shows=NONE
pointer-test  fixture.walk.Annotated.Walk#present(long)           shows=PRESENT
pointer-test  fixture.walk.Annotated.Walk#leaf(long)              shows=LEAF
pointer-test  fixture.walk.Annotated.Walk#table(long)             shows=TABLE
descends      fixture.walk.Annotated.Walk#pmdOffset(long, long)
descends      fixture.walk.Annotated.Walk#pteOffset(long, long)   snapshot=1
snapshot      fixture.walk.Annotated.Walk#pteOffset(long, long)   param=1
revalidates   fixture.walk.Annotated.Walk#pmdSame(fixture.walk.Annotated.Ref, long)
snapshot      fixture.walk.Annotated.Walk#pmdSame(fixture.walk.Annotated.Ref, long)  param=1 slot=0
locks-slot    fixture.walk.Annotated.Walk#pudLock(Object, fixture.walk.Annotated.PudRef)  slot=1
modifies-slot fixture.walk.Annotated.Walk#split(Object, fixture.walk.Annotated.PudRef, long)  slot=1
pointer-test  fixture.walk.Annotated.Walk#overloaded(long...)     shows=NONE
pointer-test  fixture.walk.Annotated.Walk#overloaded(java.lang.Object[][], java.lang.String)  shows=LEAF
