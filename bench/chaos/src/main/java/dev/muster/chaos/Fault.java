package dev.muster.chaos;

/** One kind of trouble. {@link #inject} returns once the fault is over and the system is meant to be whole again. */
interface Fault {

    FaultRecord inject(FaultContext context) throws Exception;
}
