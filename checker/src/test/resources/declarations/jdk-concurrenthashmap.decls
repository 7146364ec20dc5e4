# java.util.concurrent.ConcurrentHashMap's bin discipline (JDK 17), as a user would declare it
# to check code written in the same style against the JDK's own primitives.

slot          java.util.concurrent.ConcurrentHashMap#table       lock=<held value>
slot          java.util.concurrent.ConcurrentHashMap#nextTable   lock=<held value>

accessor      java.util.concurrent.ConcurrentHashMap#tabAt(java.util.concurrent.ConcurrentHashMap.Node[], int)  lock=<held value>

modifies-slot java.util.concurrent.ConcurrentHashMap#setTabAt(java.util.concurrent.ConcurrentHashMap.Node[], int, java.util.concurrent.ConcurrentHashMap.Node)  slot=0,1 requiresLock
modifies-slot java.util.concurrent.ConcurrentHashMap#casTabAt(java.util.concurrent.ConcurrentHashMap.Node[], int, java.util.concurrent.ConcurrentHashMap.Node, java.util.concurrent.ConcurrentHashMap.Node)  slot=0,1
